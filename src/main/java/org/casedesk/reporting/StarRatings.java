package org.casedesk.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Rates and ranks the operators of a month (issue 7, item 5): their figures from {@link StarQueries}, their stars
 * by {@link StarThresholds}, ordered by stars, then volume, then operator id, and their names from Camunda's identity
 * service, read with the caller's own authorizations so a report shows no name its reader may not see.
 */
@Service
class StarRatings {

    private static final Comparator<Rated> RANKING = Comparator.comparingInt(Rated::stars).reversed()
            .thenComparing(rated -> rated.figures().volume(), Comparator.reverseOrder())
            .thenComparing(rated -> rated.figures().operator());

    private final StarQueries queries;
    private final StarThresholds thresholds;
    private final IdentityService identityService;

    StarRatings(StarQueries queries, StarThresholds thresholds, IdentityService identityService) {
        this.queries = queries;
        this.thresholds = thresholds;
        this.identityService = identityService;
    }

    private record Rated(int stars, StarOperators.Figures figures) {
    }

    StarOperators of(YearMonth month) {
        List<Rated> rated = queries.figures(month).stream()
                .map(figures -> new Rated(thresholds.stars(figures), figures)).sorted(RANKING).toList();
        Map<String, String> names = names(rated.stream().map(r -> r.figures().operator()).toArray(String[]::new));
        List<StarOperators.Operator> operators = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < rated.size(); i++) {
            Rated operator = rated.get(i);
            Rated previous = i == 0 ? null : rated.get(i - 1);
            if (previous == null || previous.stars() != operator.stars()
                    || previous.figures().volume() != operator.figures().volume()) {
                rank = i + 1;
            }
            operators.add(new StarOperators.Operator(rank, names.get(operator.figures().operator()), operator.stars(),
                    operator.figures()));
        }
        return new StarOperators(month, operators);
    }

    /** Chinese order, family name first (王芳: last name 王, first name 芳), as the demo users are kept. */
    private Map<String, String> names(String... operators) {
        if (operators.length == 0) {
            return Map.of();
        }
        return identityService.createUserQuery().userIdIn(operators).list().stream()
                .filter(user -> user.getLastName() != null || user.getFirstName() != null)
                .collect(Collectors.toMap(User::getId, user -> Objects.toString(user.getLastName(), "")
                        + Objects.toString(user.getFirstName(), "")));
    }
}
