package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.startOfCentreDay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.casedesk.registration.RegistrationLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early warning (预警): the categories, respondents and platforms whose complaints in one week rose sharply
 * against their own recent weeks, by the rule of {@link HotspotsProperties}. The database counts, one GROUP BY
 * per dimension over the week and its baseline, and returns only the groups that reach the minimum that week.
 */
@Service
@Transactional(readOnly = true)
class Hotspots {

    /** What a hotspot is of, and the case table's column that names it. */
    enum Dimension {
        CATEGORY("category"), RESPONDENT("respondent_name"), PLATFORM("platform_name");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /**
     * @param name the category's code, the respondent's or the platform's name
     * @param label the category's Chinese name; the name for respondents and platforms
     * @param baselineMean mean complaints a week over the baseline weeks, to 2 decimals
     * @param ratio this week over the baseline mean, to 2 decimals; null when the baseline is zero
     */
    record Hotspot(Dimension dimension, String name, String label, long thisWeek, long baselineTotal,
            BigDecimal baselineMean, BigDecimal ratio) {
    }

    /** The hotspots of the week starting {@code week} (a Monday), and the rule that found them. */
    record Report(LocalDate week, int minimumCount, BigDecimal ratio, int baselineWeeks, List<Hotspot> hotspots) {
    }

    private final JdbcClient jdbc;
    private final HotspotsProperties rule;
    private final RegistrationLists lists;

    Hotspots(JdbcClient jdbc, HotspotsProperties rule, RegistrationLists lists) {
        this.jdbc = jdbc;
        this.rule = rule;
        this.lists = lists;
    }

    Report of(LocalDate week) {
        TrendPeriods.requireMonday("week", week);
        List<Hotspot> hotspots = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            hotspots.addAll(find(dimension, week));
        }
        hotspots.sort(Comparator.comparing(Hotspot::dimension).thenComparing(Hotspot::thisWeek, Comparator.reverseOrder())
                .thenComparing(Hotspot::name));
        return new Report(week, rule.minimumCount(), rule.ratio(), rule.baselineWeeks(), hotspots);
    }

    private List<Hotspot> find(Dimension dimension, LocalDate week) {
        String column = dimension.column;
        var weekStart = startOfCentreDay(week);
        return jdbc.sql("select " + column + " as name,"
                + " sum(case when received_at >= :weekStart then 1 else 0 end) as this_week,"
                + " sum(case when received_at < :weekStart then 1 else 0 end) as baseline"
                + " from case_file where " + TrendPeriods.COMPLAINTS + " and " + column + " <> ''"
                + " and received_at >= :baselineStart and received_at < :weekEnd"
                + " group by " + column
                + " having sum(case when received_at >= :weekStart then 1 else 0 end) >= :minimum")
                .param("weekStart", weekStart)
                .param("baselineStart", startOfCentreDay(week.minusWeeks(rule.baselineWeeks())))
                .param("weekEnd", startOfCentreDay(week.plusWeeks(1)))
                .param("minimum", rule.minimumCount())
                .query((rs, row) -> new Counted(rs.getString("name"), rs.getLong("this_week"), rs.getLong("baseline")))
                .list().stream()
                .filter(counted -> rule.isHotspot(counted.thisWeek, counted.baseline))
                .map(counted -> hotspot(dimension, counted))
                .toList();
    }

    private record Counted(String name, long thisWeek, long baseline) {
    }

    private Hotspot hotspot(Dimension dimension, Counted counted) {
        BigDecimal weeks = BigDecimal.valueOf(rule.baselineWeeks());
        BigDecimal baseline = BigDecimal.valueOf(counted.baseline);
        BigDecimal ratio = counted.baseline == 0 ? null : BigDecimal.valueOf(counted.thisWeek).multiply(weeks)
                .divide(baseline, 2, RoundingMode.HALF_UP);
        return new Hotspot(dimension, counted.name,
                dimension == Dimension.CATEGORY ? lists.categoryLabel(counted.name) : counted.name,
                counted.thisWeek, counted.baseline, baseline.divide(weeks, 2, RoundingMode.HALF_UP), ratio);
    }
}
