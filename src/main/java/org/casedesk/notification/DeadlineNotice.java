package org.casedesk.notification;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a reminder or an overdue notice is about: the deadline, the group that must act and when the step is
 * due, from the variables {@value #DEADLINE}, {@value #RECIPIENT_GROUP} and {@value #DUE_AT} that the case's
 * deadline step passed to {@code processes/deadline-reminder.bpmn} or {@code processes/overdue-escalation.bpmn}.
 */
record DeadlineNotice(Deadline deadline, String recipientGroup, Instant dueAt) {

    static final String DEADLINE = "deadline";
    static final String RECIPIENT_GROUP = "recipientGroup";
    static final String DUE_AT = "dueAt";

    static DeadlineNotice of(DelegateExecution execution) {
        Object group = execution.getVariable(RECIPIENT_GROUP);
        if (group == null || group.toString().isBlank()) {
            throw new IllegalArgumentException("The BPMN step " + execution.getCurrentActivityId()
                    + " needs the variable " + RECIPIENT_GROUP + ", e.g. unit-${handlingUnit}");
        }
        Object deadline = execution.getVariable(DEADLINE);
        Object dueAt = execution.getVariable(DUE_AT);
        return new DeadlineNotice(Deadline.of(deadline == null ? null : deadline.toString().trim()),
                group.toString().trim(), dueAt == null ? null : Instant.parse(dueAt.toString()));
    }
}
