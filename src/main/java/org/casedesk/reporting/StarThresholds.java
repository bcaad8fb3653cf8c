package org.casedesk.reporting;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The star rating of operators (星级话务员, {@code casedesk.reporting.stars}): what an operator's month must reach for
 * 2, 3, 4 and 5 stars. The stars are the highest level whose every threshold the month meets, else 1; the defaults
 * are in {@code application.yaml}, the rule in the README ("Star operators"). A level left out or a rate outside 0..1
 * stops the start-up rather than rating operators by a rule nobody wrote down.
 *
 * @param levels stars (2 to 5) → the thresholds of that level
 */
@ConfigurationProperties("casedesk.reporting.stars")
record StarThresholds(Map<Integer, Level> levels) {

    StarThresholds {
        if (levels == null || !levels.keySet().equals(Set.of(2, 3, 4, 5))) {
            throw new IllegalArgumentException("casedesk.reporting.stars.levels must set levels 2, 3, 4 and 5, not "
                    + (levels == null ? "none" : new TreeMap<>(levels).keySet()));
        }
        levels = Map.copyOf(levels);
    }

    /**
     * @param minVolume registrations and revisits together, at least
     * @param minOnTimeRate on-time rate, at least
     * @param minSatisfactionRate satisfaction rate of the revisits, at least
     * @param maxReopenedShare share of the registered cases sent back to a unit under supervision, at most
     */
    record Level(Integer minVolume, BigDecimal minOnTimeRate, BigDecimal minSatisfactionRate,
            BigDecimal maxReopenedShare) {

        Level {
            if (minVolume == null || minVolume < 0) {
                throw new IllegalArgumentException("min-volume of a star level must be set, 0 or more");
            }
            for (BigDecimal rate : new BigDecimal[] { minOnTimeRate, minSatisfactionRate, maxReopenedShare }) {
                if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("min-on-time-rate, min-satisfaction-rate and "
                            + "max-reopened-share of a star level must be set, from 0 to 1");
                }
            }
        }

        /**
         * Rates are compared as the exact fraction of their counts, not the rounded rate. A rate with nothing to
         * count misses a minimum (no revisit reached the consumer: no satisfaction shown) and keeps a maximum.
         */
        boolean metBy(StarOperators.Figures month) {
            return month.volume() >= minVolume
                    && atLeast(month.onTime(), month.volume(), minOnTimeRate)
                    && atLeast(month.satisfied(), month.reached(), minSatisfactionRate)
                    && (month.registered() == 0 || BigDecimal.valueOf(month.reopened())
                            .compareTo(maxReopenedShare.multiply(BigDecimal.valueOf(month.registered()))) <= 0);
        }

        private static boolean atLeast(long count, long of, BigDecimal rate) {
            return of > 0 && BigDecimal.valueOf(count).compareTo(rate.multiply(BigDecimal.valueOf(of))) >= 0;
        }
    }

    /** The highest level whose every threshold the operator's month meets; 1 if none. */
    int stars(StarOperators.Figures month) {
        for (int stars = 5; stars >= 2; stars--) {
            if (levels.get(stars).metBy(month)) {
                return stars;
            }
        }
        return 1;
    }
}
