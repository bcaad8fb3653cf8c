package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working-day calendar on real dates of China's 2024–2026 schedules. */
class WorkingDayCalendarTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(null);

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-02-28, true",   // Saturday made a working day for the Spring Festival
            "2026-02-14, true",   // Saturday made a working day
            "2026-02-16, false",  // Monday in the Spring Festival break
            "2026-10-01, false",  // National Day
            "2026-10-10, true",   // Saturday made a working day after National Day
            "2025-09-28, true",   // Sunday made a working day
            "2024-10-07, false",  // Monday in the National Day break
            "2024-10-12, true",   // Saturday made a working day
            "2026-11-27, true",   // an ordinary Friday
            "2026-11-28, false"}) // an ordinary Saturday
    void knowsHolidaysAndMakeUpWorkingDays(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{1} working days from {0} is {2}")
    @CsvSource({
            "2026-02-12, 7,  2026-02-28",  // across the Spring Festival, ending on a make-up Saturday
            "2026-09-29, 3,  2026-10-09",  // across National Day: Sep 30, Oct 8, Oct 9
            "2026-09-30, 5,  2026-10-13",  // Oct 8, 9, 10 (make-up Saturday), 12, 13
            "2024-09-27, 7,  2024-10-12",  // Sep 29 (make-up Sunday), 30, Oct 8, 9, 10, 11, 12 (make-up Saturday)
            "2025-09-26, 15, 2025-10-23",  // a report's verification period across National Day
            "2026-11-27, 1,  2026-11-30",  // Friday to Monday
            "2026-11-23, 45, 2027-01-25",  // mediation period running into 2027 (no data: Mon–Fri)
            "2026-11-30, 0,  2026-11-30",  // the same working day
            "2026-10-01, 0,  2026-10-08"}) // the same working day of a case received on a holiday
    void addsWorkingDays(LocalDate start, int workingDays, LocalDate expected) {
        assertThat(calendar.addWorkingDays(start, workingDays)).isEqualTo(expected);
    }

    @Test
    void yearWithoutDataFallsBackToMondayToFridayAndIsReported() {
        assertThat(calendar.yearsWithData()).containsExactly(2024, 2025, 2026);

        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue(); // surely a holiday, but unknown

        assertThat(calendar.yearsWithoutData()).containsExactly(2027);
    }

    @Test
    void scheduleDroppedIntoTheHolidayDirectoryIsReadWithoutARebuild(@TempDir Path directory) throws IOException {
        WorkingDayCalendar withDirectory = new WorkingDayCalendar(directory);
        assertThat(withDirectory.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();

        Files.writeString(directory.resolve("2027.json"), """
                {"year": 2027, "days": [{"date": "2027-01-01", "name": "元旦", "offDay": true}]}""");

        assertThat(withDirectory.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(withDirectory.yearsWithData()).contains(2027);
        assertThat(withDirectory.yearsWithoutData()).isEmpty();
    }
}
