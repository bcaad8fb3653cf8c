package org.casedesk.notification;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 超期提示: bound as {@code ${sendReminderDelegate}} to the reminder steps of
 * {@code processes/case-lifecycle.bpmn}, the asynchronous service tasks a timer reaches before a deadline.
 * The step names the deadline and the group that must act in its input variables {@code deadline} and
 * {@code recipientGroup}; the mail gives the earliest due date of the case's open tasks.
 */
@Component
public class SendReminderDelegate implements JavaDelegate {

    private final NotificationService notifications;
    private final TaskService taskService;

    SendReminderDelegate(NotificationService notifications, TaskService taskService) {
        this.notifications = notifications;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.remind(CaseFacts.of(execution), DeadlineNotice.of(execution, taskService),
                execution.getId());
    }
}
