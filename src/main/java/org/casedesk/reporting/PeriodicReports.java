package org.casedesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.deadline.OverdueCases;
import org.casedesk.notification.ReportMail;
import org.casedesk.registration.RegistrationLists;
import org.casedesk.reporting.ReportCharts.Chart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly bulletin, the monthly analysis and a report on demand alike: gathers a {@link PeriodicReport} from the
 * reports' queries — the KPIs ({@link KpiQueries}), {@link Hotspots}, the {@link WatchList} and
 * {@link ReceivedPerDay} — and gives it as a mail, as a file to download, or one chart. Nothing is counted here: this
 * only orders and labels what the queries return.
 */
@Service
@Transactional(readOnly = true)
class PeriodicReports {

    /** The categories shown one by one; the others are summed as 其他. */
    static final int TOP_CATEGORIES = 8;
    /** Up to a month the trend is drawn per day, beyond it per 7 days. */
    private static final int DAILY_UP_TO_DAYS = 31;
    private static final int WATCH_LIST_WEEKS = 4;

    private final KpiQueries kpis;
    private final ReceivedPerDay receivedPerDay;
    private final Hotspots hotspots;
    private final WatchList watchList;
    private final RegistrationLists lists;

    PeriodicReports(KpiQueries kpis, ReceivedPerDay receivedPerDay, Hotspots hotspots, WatchList watchList,
            RegistrationLists lists) {
        this.kpis = kpis;
        this.receivedPerDay = receivedPerDay;
        this.hotspots = hotspots;
        this.watchList = watchList;
        this.lists = lists;
    }

    /** The report as a mail: HTML showing its charts from inline parts {@code cid:volume-trend} and so on. */
    ReportMail mail(ReportPeriod period) {
        PeriodicReport report = of(period);
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (Chart chart : Chart.values()) {
            images.put(chart.fileName, ReportCharts.png(chart, report));
        }
        return new ReportMail(ReportDocument.subject(report),
                ReportDocument.html(report, chart -> "cid:" + chart.fileName), ReportDocument.text(report), images);
    }

    /** The report as one HTML file to download or view, its charts inside it as {@code data:} URIs. */
    String download(ReportPeriod period) {
        PeriodicReport report = of(period);
        return ReportDocument.html(report, chart -> "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(ReportCharts.png(chart, report)));
    }

    /**
     * One of the report's charts as PNG, from only the figures it draws: the dashboard shows three charts on every
     * Cockpit start page, and the whole report would cost each of them every query above.
     */
    byte[] chart(ReportPeriod period, Chart chart) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        PeriodicReport figures = switch (chart) {
            case VOLUME_TREND ->
                new PeriodicReport(period, now, null, volume(period), List.of(), List.of(), null, null);
            case BY_CATEGORY ->
                new PeriodicReport(period, now, null, null, categories(period), List.of(), null, null);
            case BY_UNIT, OVERDUE_BY_UNIT ->
                new PeriodicReport(period, now, null, null, List.of(), units(period), null, null);
            case HOTSPOTS -> new PeriodicReport(period, now, null, null, List.of(), List.of(),
                    hotspots.of(period.hotspotWeek()), null);
        };
        return ReportCharts.png(chart, figures);
    }

    PeriodicReport of(ReportPeriod period) {
        Kpis.Group all = kpis.kpis(period.from(), period.to(), Grouping.NONE).groups().stream().findFirst()
                .orElseGet(PeriodicReports::nothing);
        LocalDate hotspotWeek = period.hotspotWeek();
        return new PeriodicReport(period, ClockUtil.getCurrentTime().toInstant(), all, volume(period),
                categories(period), units(period), hotspots.of(hotspotWeek),
                watchList.of(hotspotWeek.minusWeeks(WATCH_LIST_WEEKS - 1), hotspotWeek.plusDays(6)));
    }

    private PeriodicReport.Volume volume(ReportPeriod period) {
        ReportPeriod previous = period.previous();
        List<Long> current = buckets(period, receivedPerDay.count(period.from(), period.to()));
        List<Long> before = buckets(period, receivedPerDay.count(previous.from(), previous.to()));
        List<String> labels = new ArrayList<>();
        List<Long> previousAligned = new ArrayList<>();
        boolean daily = period.days() <= DAILY_UP_TO_DAYS;
        for (int i = 0; i < current.size(); i++) {
            LocalDate first = period.from().plusDays(daily ? i : 7L * i);
            labels.add(daily ? dayLabel(period, first) : sevenDaysLabel(first, period.to()));
            previousAligned.add(i < before.size() ? before.get(i) : null);
        }
        return new PeriodicReport.Volume(labels, current, previousAligned, sum(current), sum(before));
    }

    /** The days' counts as they are, or summed per 7 days from the period's first day for a long period. */
    private static List<Long> buckets(ReportPeriod period, Map<LocalDate, Long> perDay) {
        List<Long> days = List.copyOf(perDay.values());
        if (period.days() <= DAILY_UP_TO_DAYS) {
            return days;
        }
        List<Long> weeks = new ArrayList<>();
        for (int start = 0; start < days.size(); start += 7) {
            weeks.add(sum(days.subList(start, Math.min(start + 7, days.size()))));
        }
        return weeks;
    }

    /** {@code 11-16 周一} in a week's bulletin, {@code 11-16} otherwise. */
    private static String dayLabel(ReportPeriod period, LocalDate day) {
        String date = monthDay(day);
        return period.days() <= 7 ? date + " 周" + "一二三四五六日".charAt(day.getDayOfWeek().getValue() - 1) : date;
    }

    /**
     * {@code 11-02起} for 7 days; the period's last days, when fewer, with their range ({@code 12-30至12-31}), so
     * that their smaller count does not read as a quiet week.
     */
    private static String sevenDaysLabel(LocalDate first, LocalDate periodEnd) {
        return first.plusDays(6).isAfter(periodEnd) ? monthDay(first) + "至" + monthDay(periodEnd)
                : monthDay(first) + "起";
    }

    private static String monthDay(LocalDate day) {
        return "%02d-%02d".formatted(day.getMonthValue(), day.getDayOfMonth());
    }

    private List<PeriodicReport.Count> categories(ReportPeriod period) {
        List<PeriodicReport.Count> received = kpis.kpis(period.from(), period.to(), Grouping.CATEGORY).groups()
                .stream().filter(group -> group.received() > 0)
                .map(group -> new PeriodicReport.Count(group.key() == null ? "未登记" : lists.categoryLabel(group.key()),
                        group.received()))
                .sorted(Comparator.comparing(PeriodicReport.Count::count).reversed()
                        .thenComparing(PeriodicReport.Count::label))
                .toList();
        if (received.size() <= TOP_CATEGORIES + 1) {
            return received;
        }
        List<PeriodicReport.Count> top = new ArrayList<>(received.subList(0, TOP_CATEGORIES));
        top.add(new PeriodicReport.Count("其他", received.subList(TOP_CATEGORIES, received.size()).stream()
                .mapToLong(PeriodicReport.Count::count).sum()));
        return top;
    }

    private List<PeriodicReport.Unit> units(ReportPeriod period) {
        List<PeriodicReport.Unit> units = new ArrayList<>();
        for (Kpis.Group group : kpis.kpis(period.from(), period.to(), Grouping.UNIT).groups()) {
            List<PeriodicReport.Count> overdue = group.steps().stream().filter(step -> step.overdue() > 0)
                    .map(step -> new PeriodicReport.Count(step.name(), step.overdue())).toList();
            if (group.forwarded() > 0 || group.concluded() > 0 || !overdue.isEmpty()) {
                // the group without a unit: the centre's own steps and the cases it closed without forwarding them
                String name = group.key() == null ? OverdueCases.CENTRE
                        : group.name() == null ? group.key() : group.name();
                units.add(new PeriodicReport.Unit(name, group, overdue));
            }
        }
        // the query lists the cases without a unit first; the report, as the daily bulletin, last
        units.sort(Comparator.comparing(unit -> unit.figures().key() == null));
        return units;
    }

    /** The figures of a period in which nothing happened: the query then returns no group at all. */
    private static Kpis.Group nothing() {
        return Kpis.Group.empty("all", null, KpiQueries.noSteps());
    }

    private static long sum(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
