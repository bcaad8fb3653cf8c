package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The working-day notation supervisors write in the BPMN. */
class WorkingDayDeadlineTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(null);

    @Test
    void workingDaysEndAtTheEndOfTheDayInShanghai() {
        assertThat(WorkingDayDeadline.parse("7WD")).contains(new WorkingDayDeadline(7, LocalTime.of(23, 59, 59), null));
    }

    @Test
    void aTimeOfDayMayFollowTheWorkingDays() {
        assertThat(WorkingDayDeadline.parse(" 0WD@9:30 ")).contains(new WorkingDayDeadline(0, LocalTime.of(9, 30), null));
    }

    @Test
    void aDeadlineMayCountFromAnEarlierInstantThanItsTimer() {
        Instant due = WorkingDayDeadline.parse("15WD from 2026-09-24T02:00:00Z").orElseThrow()
                .from(Instant.parse("2026-09-29T02:00:00Z"), calendar);

        assertThat(due).isEqualTo(Instant.parse("2026-10-22T15:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT4H", "P7D", "7", "WD", "-1WD", "7wd", "7WD@25:00x", "15WD from yesterday"})
    void otherTextIsNotAWorkingDayDeadline(String text) {
        assertThat(WorkingDayDeadline.parse(text)).isEmpty();
    }

    @Test
    void caseReceivedLateInTheUtcEveningCountsFromTheNextShanghaiDay() {
        // 2026-11-27T23:30Z is Saturday 07:30 in Shanghai: the same working day is Monday the 30th
        Instant due = WorkingDayDeadline.parse("0WD").orElseThrow().from(Instant.parse("2026-11-27T23:30:00Z"), calendar);

        assertThat(due).isEqualTo(Instant.parse("2026-11-30T15:59:59Z"));
    }
}
