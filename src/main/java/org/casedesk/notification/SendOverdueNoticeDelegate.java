package org.casedesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 超期通报: bound to {@code Task_NotifyOverdue} of {@code processes/overdue-escalation.bpmn}, the asynchronous
 * step a case's deadline timer starts: mails the group that must act and the supervisors (see
 * {@link DeadlineNotice}).
 */
@Component
public class SendOverdueNoticeDelegate implements JavaDelegate {

    private final NotificationService notifications;

    SendOverdueNoticeDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.reportOverdue(CaseFacts.of(execution), DeadlineNotice.of(execution),
                execution.getId());
    }
}
