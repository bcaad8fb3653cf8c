package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** Which days the weekly bulletin, the monthly analysis and a report on demand cover, and which they compare with. */
class ReportPeriodTests {

    @Test
    void theBulletinSentInAWeekReportsTheMondayToSundayBefore() {
        ReportPeriod week = ReportPeriod.weekBefore(LocalDate.parse("2026-11-23"));

        assertThat(week).isEqualTo(new ReportPeriod(ReportPeriod.Kind.WEEKLY, LocalDate.parse("2026-11-16"),
                LocalDate.parse("2026-11-22")));
        assertThat(ReportPeriod.weekBefore(LocalDate.parse("2026-11-29"))).isEqualTo(week);
        assertThat(week.previous().from()).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(week.hotspotWeek()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(week.mailKey()).isEqualTo("WEEKLY_REPORT:2026-11-16");
    }

    @Test
    void theAnalysisSentInAMonthReportsTheMonthBeforeAndComparesWithTheOneBeforeThat() {
        ReportPeriod november = ReportPeriod.monthBefore(LocalDate.parse("2026-12-01"));

        assertThat(november.from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(november.to()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(november.previous()).isEqualTo(ReportPeriod.month(YearMonth.parse("2026-10")));
        // the last Monday-to-Sunday week that ends in November
        assertThat(november.hotspotWeek()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(november.mailKey()).isEqualTo("MONTHLY_REPORT:2026-11");
        assertThat(november.label()).isEqualTo("2026年11月");
    }

    @Test
    void aReportOnDemandComparesWithAsManyDaysBeforeIt() {
        ReportPeriod tenDays = ReportPeriod.onDemand(LocalDate.parse("2026-11-11"), LocalDate.parse("2026-11-20"));

        assertThat(tenDays.previous().from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(tenDays.previous().to()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(tenDays.fileName()).isEqualTo("12315-report-2026-11-11-2026-11-20.html");
        assertThatThrownBy(tenDays::mailKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPeriodIsAtMost366DaysFromItsFirstDayToItsLast() {
        assertThat(ReportPeriod.onDemand(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")).days())
                .isEqualTo(366);
        assertThatThrownBy(() -> ReportPeriod.onDemand(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02")))
                .hasMessage("from、to：2025-01-01 至 2026-01-02 超过 366 天");
        assertThatThrownBy(() -> ReportPeriod.onDemand(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-01")))
                .hasMessage("from：2026-11-02 晚于 to：2026-11-01");
        assertThatThrownBy(() -> ReportPeriod.week(LocalDate.parse("2026-11-17")))
                .hasMessage("week：2026-11-17 不是星期一，周从星期一算起");
    }
}
