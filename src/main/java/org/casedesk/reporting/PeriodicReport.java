package org.casedesk.reporting;

import java.time.Instant;
import java.util.List;

/**
 * What a weekly bulletin, monthly analysis or report on demand shows, every figure from a query: the period's KPIs
 * over all cases and by unit, cases received by category and per day (this period and the one before), the
 * hotspots of its last full week and the watch-list of the four weeks up to it. {@link ReportCharts} draws it,
 * {@link ReportDocument} writes it.
 *
 * @param categories cases received per category, most first: the first {@link PeriodicReports#TOP_CATEGORIES},
 *        then the rest summed up as 其他
 * @param units the units with anything forwarded, concluded or overdue in the period, by code; the cases without
 *        a unit last
 * <p>
 * For one chart alone ({@link PeriodicReports#chart}) only the figures that chart draws are filled in; the others
 * are empty lists or null.
 */
record PeriodicReport(ReportPeriod period, Instant generatedAt, Kpis.Group all, Volume volume,
        List<Count> categories, List<Unit> units, Hotspots.Report hotspots, WatchList.Report watchList) {

    /**
     * Cases received per day (per 7 days from the first, for a period longer than a month), this period against
     * the one before it; {@code previous} is null where the period before has no such day.
     */
    record Volume(List<String> labels, List<Long> current, List<Long> previous, long currentTotal,
            long previousTotal) {
    }

    record Count(String label, long count) {
    }

    /**
     * A handling unit's figures; {@code overdueSteps} the steps that became overdue in the period, by step name
     * (受理审查 2), only those with any.
     */
    record Unit(String name, Kpis.Group figures, List<Count> overdueSteps) {

        long overdue() {
            return overdueSteps.stream().mapToLong(Count::count).sum();
        }
    }

    /** 类别, 被投诉人, 平台: what a hotspot is of, as the report names it. */
    static String dimension(Hotspots.Dimension dimension) {
        return switch (dimension) {
            case CATEGORY -> "类别";
            case RESPONDENT -> "被投诉人";
            case PLATFORM -> "平台";
        };
    }
}
