package org.casedesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Optional;

import org.casedesk.casefile.CentreTime;

/**
 * A 12345 work order arrives with its own deadline (the case variable {@code workOrderDueAt}), and the stricter
 * deadline counts: no step of the case is due after the work order is. A step whose own deadline is later is due
 * when the work order is, and its reminder, if it would come at or after that, comes at 09:00 on the working day
 * before (or at once, if that has passed). Applied by {@link DeadlinePlugin} when a step's timers are created, by
 * {@link DeadlineMigration} after it recounts them and by {@link DeadlineExtension} after an extension, so neither a
 * changed BPMN timer nor testing time moves a step past the work order.
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

    /** When a step is due and reminded; a null reminder means the step has none, or it is dropped. */
    record StepTimers(Date due, Date reminder) {
    }

    /** A step's own deadline and reminder (null if it has none) as the work order leaves them. */
    StepTimers stricter(Date ownDue, Date ownReminder, Instant now) {
        if (!due.isBefore(ownDue.toInstant())) {
            return new StepTimers(ownDue, ownReminder);
        }
        if (ownReminder == null || ownReminder.toInstant().isBefore(due)) {
            return new StepTimers(Date.from(due), ownReminder);
        }
        Instant remindAt = reminder.isAfter(now) ? reminder : now;
        return new StepTimers(Date.from(due), remindAt.isBefore(due) ? Date.from(remindAt) : null);
    }
}
