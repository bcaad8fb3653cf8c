package org.casedesk.notification;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/**
 * What a reminder or an overdue notice is about: the deadline and the group that must act, from the local
 * input variables {@value #DEADLINE} and {@value #RECIPIENT_GROUP} of its BPMN step, and the due date of the
 * case's work — the earliest due date of its open user tasks, null when none has one.
 */
record DeadlineNotice(Deadline deadline, String recipientGroup, Instant dueAt) {

    static final String DEADLINE = "deadline";
    static final String RECIPIENT_GROUP = "recipientGroup";

    static DeadlineNotice of(DelegateExecution execution, TaskService taskService) {
        Object group = execution.getVariableLocal(RECIPIENT_GROUP);
        if (group == null || group.toString().isBlank()) {
            throw new IllegalArgumentException("The BPMN step " + execution.getCurrentActivityId()
                    + " needs the input variable " + RECIPIENT_GROUP + ", e.g. unit-${handlingUnit}");
        }
        Object deadline = execution.getVariableLocal(DEADLINE);
        Instant dueAt = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active()
                .list().stream()
                .map(Task::getDueDate)
                .filter(Objects::nonNull)
                .min(Date::compareTo)
                .map(Date::toInstant)
                .orElse(null);
        return new DeadlineNotice(Deadline.of(deadline == null ? null : deadline.toString().trim()),
                group.toString().trim(), dueAt);
    }
}
