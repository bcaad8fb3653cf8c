package org.casedesk.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The Shanghai days a weekly bulletin (周有快报), a monthly analysis (月有分析) or a report on demand covers, both
 * ends included. The weekly one is a Monday to Sunday, the monthly one a calendar month; on demand any period of at
 * most {@link #MAX_DAYS} days.
 */
record ReportPeriod(Kind kind, LocalDate from, LocalDate to) {

    /** Long enough for a year's report, short enough to draw and count quickly. */
    static final int MAX_DAYS = 366;

    enum Kind {
        WEEKLY("周有快报"), MONTHLY("月有分析"), ON_DEMAND("统计报告");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    ReportPeriod {
        if (from.isAfter(to)) {
            throw new ReportParameterException("from", from + " 晚于 to：" + to);
        }
        if (days(from, to) > MAX_DAYS) {
            throw new ReportParameterException("from、to", from + " 至 " + to + " 超过 " + MAX_DAYS + " 天");
        }
    }

    /** The week starting {@code monday}. */
    static ReportPeriod week(LocalDate monday) {
        TrendPeriods.requireMonday("week", monday);
        return new ReportPeriod(Kind.WEEKLY, monday, monday.plusDays(6));
    }

    static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTHLY, month.atDay(1), month.atEndOfMonth());
    }

    static ReportPeriod onDemand(LocalDate from, LocalDate to) {
        return new ReportPeriod(Kind.ON_DEMAND, from, to);
    }

    /** The week before the one {@code day} lies in: what the bulletin sent that week reports. */
    static ReportPeriod weekBefore(LocalDate day) {
        return week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1));
    }

    /** The month before the one {@code day} lies in: what the analysis sent that month reports. */
    static ReportPeriod monthBefore(LocalDate day) {
        return month(YearMonth.from(day).minusMonths(1));
    }

    long days() {
        return days(from, to);
    }

    /** The period of the same length just before this one, which the volume trend compares with. */
    ReportPeriod previous() {
        return kind == Kind.MONTHLY ? month(YearMonth.from(from).minusMonths(1))
                : new ReportPeriod(kind, from.minusDays(days()), from.minusDays(1));
    }

    /**
     * The last Monday-to-Sunday week that ends in the period, whose hotspots the report shows: the period's own week
     * for a weekly bulletin. A period shorter than a week that holds no Sunday shows the week ending before it.
     */
    LocalDate hotspotWeek() {
        return weekBefore(to.plusDays(1)).from();
    }

    /** {@code 2026-11-16 至 2026-11-22}, {@code 2026年11月} */
    String label() {
        return kind == Kind.MONTHLY ? from.getYear() + "年" + from.getMonthValue() + "月" : from + " 至 " + to;
    }

    /** The mail's key in {@code mail_log}, so each period's report is mailed once: {@code WEEKLY_REPORT:2026-11-16}. */
    String mailKey() {
        return switch (kind) {
            case WEEKLY -> "WEEKLY_REPORT:" + from;
            case MONTHLY -> "MONTHLY_REPORT:" + YearMonth.from(from);
            case ON_DEMAND -> throw new IllegalStateException("A report on demand is not mailed");
        };
    }

    /** The downloaded file's name: {@code 12315-weekly-2026-11-16.html}. */
    String fileName() {
        return switch (kind) {
            case WEEKLY -> "12315-weekly-" + from + ".html";
            case MONTHLY -> "12315-monthly-" + YearMonth.from(from) + ".html";
            case ON_DEMAND -> "12315-report-" + from + "-" + to + ".html";
        };
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
