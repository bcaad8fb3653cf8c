package org.casedesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 超期提示: bound to {@code Task_SendReminder} of {@code processes/deadline-reminder.bpmn}, the asynchronous
 * step a case's reminder timer starts: mails the group that must act, naming the deadline and its due time
 * (see {@link DeadlineNotice}).
 */
@Component
public class SendReminderDelegate implements JavaDelegate {

    private final NotificationService notifications;

    SendReminderDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.remind(CaseFacts.of(execution), DeadlineNotice.of(execution),
                execution.getId());
    }
}
