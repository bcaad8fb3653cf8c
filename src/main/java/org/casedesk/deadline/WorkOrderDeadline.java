package org.casedesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Optional;

import org.casedesk.casefile.CentreTime;

/**
 * A 12345 work order arrives with its own deadline (the case variable {@code workOrderDueAt}), and the stricter
 * deadline counts: no step of the case is due after the work order is, and no reminder comes later than 09:00 on
 * the working day before it. Applied by {@link DeadlinePlugin} when a step's timers are created and by
 * {@link DeadlineMigration} after it recounts them, so a changed BPMN timer never moves a step past the order.
 */
final class WorkOrderDeadline {

    private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final Instant due;
    private final Instant reminder;

    private WorkOrderDeadline(Instant due, WorkingDayCalendar calendar) {
        this.due = due;
        LocalDate day = LocalDate.ofInstant(due, CentreTime.ZONE).minusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        this.reminder = day.atTime(REMINDER_TIME).atZone(CentreTime.ZONE).toInstant();
    }

    /** The work order's deadline, if the case (its variable {@code workOrderDueAt}) is a 12345 work order. */
    static Optional<WorkOrderDeadline> of(Object workOrderDueAt, WorkingDayCalendar calendar) {
        return Optional.ofNullable(workOrderDueAt)
                .map(dueAt -> new WorkOrderDeadline(Instant.parse(dueAt.toString()), calendar));
    }

    /**
     * The due date a deadline timer keeps: its own, or the work order's limit when that is earlier. Timers that are
     * not a step's deadline or reminder ({@code Timer_<Step>Due}, {@code Timer_<Step>Reminder}) keep theirs.
     */
    Date stricter(String timerId, Date own) {
        Instant limit = DeadlineTimers.isDueTimer(timerId) ? due : DeadlineTimers.isReminderTimer(timerId) ? reminder : null;
        return limit != null && limit.isBefore(own.toInstant()) ? Date.from(limit) : own;
    }
}
