package org.casedesk.notification;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 超期通报: bound as {@code ${sendOverdueNoticeDelegate}} to the overdue steps of
 * {@code processes/case-lifecycle.bpmn}, the asynchronous service tasks a timer reaches at a deadline. Like
 * {@link SendReminderDelegate} it reads the input variables {@code deadline} and {@code recipientGroup};
 * the supervisors are told as well.
 */
@Component
public class SendOverdueNoticeDelegate implements JavaDelegate {

    private final NotificationService notifications;
    private final TaskService taskService;

    SendOverdueNoticeDelegate(NotificationService notifications, TaskService taskService) {
        this.notifications = notifications;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.reportOverdue(CaseFacts.of(execution), DeadlineNotice.of(execution, taskService),
                execution.getId());
    }
}
