package org.casedesk.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.casedesk.notification.Deadline;

/** Reports made by hand, for the tests of drawing and writing them without a database. */
final class SampleReports {

    static final ReportPeriod WEEK = ReportPeriod.week(LocalDate.parse("2026-11-16"));

    private SampleReports() {
    }

    /** A week with something in every chart; the respondent of a hotspot is named by {@code respondent}. */
    static PeriodicReport week(String respondent) {
        Kpis.Group all = group(null, null, 42, 40, 2, 30, 35, 6, 18);
        List<PeriodicReport.Unit> units = List.of(
                new PeriodicReport.Unit("黄浦区市场监督管理局", group("310101", "黄浦区市场监督管理局", 12, 12, 0, 12, 10, 1, 4),
                        List.of(new PeriodicReport.Count("受理审查", 2), new PeriodicReport.Count("先行联系", 1))),
                new PeriodicReport.Unit("浦东新区市场监督管理局", group("310115", "浦东新区市场监督管理局", 18, 18, 0, 18, 20, 0, 0),
                        List.of()),
                new PeriodicReport.Unit("本中心", group(null, null, 12, 10, 2, 0, 5, 5, 0), List.of()));
        Hotspots.Report hotspots = new Hotspots.Report(WEEK.from(), 5, new BigDecimal("2.0"), 8, List.of(
                new Hotspots.Hotspot(Hotspots.Dimension.CATEGORY, "PREPAID_CARD", "预付卡消费", 9, 16,
                        new BigDecimal("2.00"), new BigDecimal("4.50")),
                new Hotspots.Hotspot(Hotspots.Dimension.RESPONDENT, respondent, respondent, 6, 0, new BigDecimal("0.00"),
                        null)));
        WatchList.Report watchList = new WatchList.Report(LocalDate.parse("2026-10-26"), LocalDate.parse("2026-11-22"),
                List.of(LocalDate.parse("2026-10-26"), LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"),
                        LocalDate.parse("2026-11-16")),
                List.of(new WatchList.TopicCounts("预付卡", List.of(2L, 3L, 2L, 9L), 16),
                        new WatchList.TopicCounts("直播带货", List.of(0L, 1L, 0L, 1L), 2)));
        return new PeriodicReport(WEEK, Instant.parse("2026-11-23T00:00:05Z"), all,
                new PeriodicReport.Volume(List.of("11-16 周一", "11-17 周二", "11-18 周三", "11-19 周四", "11-20 周五",
                        "11-21 周六", "11-22 周日"), List.of(8L, 9L, 7L, 6L, 8L, 2L, 2L), List.of(6L, 7L, 5L, 6L, 6L, 1L, 2L),
                        42, 33),
                List.of(new PeriodicReport.Count("预付卡消费", 11), new PeriodicReport.Count("食品", 9),
                        new PeriodicReport.Count("家用电器", 8), new PeriodicReport.Count("其他", 14)),
                units, hotspots, watchList);
    }

    /** A week in which nothing happened. */
    static PeriodicReport empty() {
        return new PeriodicReport(WEEK, Instant.parse("2026-11-23T00:00:05Z"), Kpis.Group.empty("all", null, steps(0, 0)),
                new PeriodicReport.Volume(List.of("11-16 周一", "11-17 周二"), List.of(0L, 0L), List.of(0L, 0L), 0, 0),
                List.of(), List.of(), new Hotspots.Report(WEEK.from(), 5, new BigDecimal("2.0"), 8, List.of()),
                new WatchList.Report(WEEK.from(), WEEK.to(), List.of(WEEK.from()), List.of()));
    }

    private static Kpis.Group group(String key, String name, long received, long registered, long notAccepted,
            long forwarded, long concluded, long instantly, long overdue) {
        return new Kpis.Group(key, name, received, registered, notAccepted, 0, forwarded, concluded, instantly,
                Kpis.rate(instantly, received), concluded / 2, concluded / 3, Kpis.rate(concluded / 3, concluded / 2), 1,
                1, steps(registered, overdue));
    }

    /** Every deadline step: registration finished on time {@code registered} times, acceptance overdue {@code overdue}. */
    private static List<Kpis.Step> steps(long registered, long overdue) {
        List<Kpis.Step> steps = new ArrayList<>();
        for (Deadline deadline : Deadline.values()) {
            long finished = deadline == Deadline.REGISTRATION ? registered : 0;
            steps.add(new Kpis.Step(deadline.name(), deadline.displayName(), finished, finished,
                    Kpis.rate(finished, finished), deadline == Deadline.ACCEPTANCE ? overdue : 0,
                    finished == 0 ? null : 0, finished == 0 ? null : 0));
        }
        return steps;
    }
}
