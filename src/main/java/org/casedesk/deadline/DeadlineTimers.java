package org.casedesk.deadline;

import java.util.Date;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * The naming rule that ties a deadline to the BPMN: the escalation timer of a step is the boundary timer
 * {@code Timer_<Step>Due} (e.g. {@code Timer_AcceptanceDue}), its reminder {@code Timer_<Step>Reminder}. The
 * deadline's key is the step in capitals ({@code ACCEPTANCE}, {@code FIRST_CONTACT}).
 */
public final class DeadlineTimers {

    private static final Pattern DUE_TIMER = Pattern.compile("Timer_(\\w+)Due");
    private static final Pattern REMINDER_TIMER = Pattern.compile("Timer_(\\w+)Reminder");

    /**
     * The due date of the nearest deadline timer of an execution: its own scope's, else an enclosing
     * subprocess's. Read from the timer jobs the engine created when the scope started, before they are flushed.
     */
    public static Optional<Date> dueDateOf(DelegateExecution execution) {
        return nearestDueTimer(execution).map(JobEntity::getDuedate);
    }

    /** The deadline key of the nearest deadline timer, e.g. {@code ACCEPTANCE}. */
    public static Optional<String> deadlineOf(DelegateExecution execution) {
        return nearestDueTimer(execution).map(timer -> key(timer.getActivityId()));
    }

    public static boolean isDueTimer(String activityId) {
        return activityId != null && DUE_TIMER.matcher(activityId).matches();
    }

    static boolean isReminderTimer(String activityId) {
        return activityId != null && REMINDER_TIMER.matcher(activityId).matches();
    }

    /** {@code Timer_FirstContactDue} → {@code FIRST_CONTACT}. */
    public static String key(String timerId) {
        Matcher matcher = DUE_TIMER.matcher(timerId);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(timerId + " is not a deadline timer (Timer_<Step>Due)");
        }
        return matcher.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

    private static Optional<JobEntity> nearestDueTimer(DelegateExecution execution) {
        for (ExecutionEntity scope = (ExecutionEntity) execution; scope != null; scope = scope.getParent()) {
            for (JobEntity job : scope.getJobs()) {
                if (job instanceof TimerEntity && isDueTimer(job.getActivityId())) {
                    return Optional.of(job);
                }
            }
        }
        return Optional.empty();
    }

    private DeadlineTimers() {
    }
}
