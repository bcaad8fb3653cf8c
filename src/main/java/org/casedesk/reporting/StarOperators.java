package org.casedesk.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The star operators (星级话务员) of one Shanghai calendar month: one entry per operator who registered a case or
 * revisited a consumer in it, ranked by stars, then by volume. The definitions are in the README ("Star operators").
 */
record StarOperators(YearMonth month, List<Operator> operators) {

    /** An operator's counts for the month, as {@link StarQueries} finds them. */
    record Figures(String operator, long registered, long revisits, long onTime, long reached, long satisfied,
            long reopened) {

        /** Registrations and revisits: the steps the on-time rate is over. */
        long volume() {
            return registered + revisits;
        }
    }

    /**
     * One row of the ranking. {@code rank} is shared by operators with the same stars and volume (1, 2, 2, 4);
     * {@code name} is null where the caller may not read the user in Camunda, or no such user exists.
     */
    record Operator(int rank, String operator, String name, int stars, long registered, long revisits, long volume,
            long onTime, BigDecimal onTimeRate, long reached, long satisfied, BigDecimal satisfactionRate,
            long reopened, BigDecimal reopenedShare) {

        Operator(int rank, String name, int stars, Figures figures) {
            this(rank, figures.operator(), name, stars, figures.registered(), figures.revisits(), figures.volume(),
                    figures.onTime(), Kpis.rate(figures.onTime(), figures.volume()), figures.reached(),
                    figures.satisfied(), Kpis.rate(figures.satisfied(), figures.reached()), figures.reopened(),
                    Kpis.rate(figures.reopened(), figures.registered()));
        }
    }
}
