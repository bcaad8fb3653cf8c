package org.casedesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casedesk.casefile.CentreTime;

/**
 * The notation supervisors write in BPMN timers and task due dates for deadlines in working days:
 * <ul>
 * <li>{@code 7WD} — by the end (23:59:59, Shanghai) of the 7th working day after the day the timer starts;</li>
 * <li>{@code 0WD} — by the end of the same working day (of the next one when it starts on a day off);</li>
 * <li>{@code 6WD@09:00} — at 09:00 on the 6th working day, e.g. a reminder the morning before a 7WD deadline;</li>
 * <li>{@code 15WD from 2026-09-24T02:00:00Z} — counted from that instant instead of from when the timer starts,
 * written in the BPMN as {@code ${'15WD from '.concat(unitReceivedAt)}}.</li>
 * </ul>
 * Anything else (ISO 8601 such as {@code PT4H}) is not a working-day deadline and stays Camunda's.
 */
public record WorkingDayDeadline(int workingDays, LocalTime timeOfDay, Instant countedFrom) {

    private static final Pattern NOTATION = Pattern.compile(
            "\\s*(\\d{1,3})\\s*WD\\s*(?:@\\s*(\\d{1,2}:\\d{2}))?\\s*(?:from\\s+(\\S+)\\s*)?");
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    public static Optional<WorkingDayDeadline> parse(String text) {
        Matcher matcher = NOTATION.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        LocalTime time = matcher.group(2) == null ? END_OF_DAY
                : LocalTime.parse(matcher.group(2).length() == 4 ? "0" + matcher.group(2) : matcher.group(2));
        Instant from;
        try {
            from = matcher.group(3) == null ? null : Instant.parse(matcher.group(3));
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
        return Optional.of(new WorkingDayDeadline(Integer.parseInt(matcher.group(1)), time, from));
    }

    /** The instant this deadline falls on for a period that starts at {@code start}, unless it names its own. */
    public Instant from(Instant start, WorkingDayCalendar calendar) {
        LocalDate startDay = LocalDate.ofInstant(countedFrom != null ? countedFrom : start, CentreTime.ZONE);
        return calendar.addWorkingDays(startDay, workingDays).atTime(timeOfDay).atZone(CentreTime.ZONE).toInstant();
    }
}
