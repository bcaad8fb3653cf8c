package org.casedesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The KPIs of one period, one entry per group; the definitions are in the README ("Reports"). Every count comes
 * from a query ({@link KpiQueries}); a rate is its two counts divided, to four places, and null when nothing was
 * there to count.
 */
record Kpis(LocalDate from, LocalDate to, String by, List<Group> groups) {

    /**
     * The figures of one unit, channel, category or operator ({@code key} null for cases without one, e.g. not
     * forwarded to a unit), or of all cases ({@code key} "all"). {@code name} is the unit's name, else null.
     * {@code notAccepted} counts both the centre's and the units' refusals, {@code notAcceptedByUnit} the units' part.
     */
    record Group(String key, String name, long received, long registered, long notAccepted, long notAcceptedByUnit,
            long forwarded, long concluded, long instantlyCompleted, BigDecimal instantCompletionRate, long revisited,
            long satisfied, BigDecimal satisfactionRate, long repeatCalls, long dissatisfiedCases, List<Step> steps) {

        /**
         * A group without a case event in the period (e.g. a unit with only an older case's step overdue): every case
         * figure 0 and its rates null, named here once rather than as a row of positional zeros, where a missing or
         * swapped one goes unnoticed.
         */
        static Group empty(String key, String name, List<Step> steps) {
            return new Group(key, name, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, null, 0, 0, steps);
        }
    }

    /** One deadline step (e.g. ACCEPTANCE 受理审查) of a group; the working days are null when none finished. */
    record Step(String deadline, String name, long finished, long onTime, BigDecimal onTimeRate, long overdue,
            Integer medianWorkingDays, Integer p90WorkingDays) {

        Step withOverdue(long count) {
            return new Step(deadline, name, finished, onTime, onTimeRate, count, medianWorkingDays, p90WorkingDays);
        }
    }

    static BigDecimal rate(long count, long of) {
        return of == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }
}
