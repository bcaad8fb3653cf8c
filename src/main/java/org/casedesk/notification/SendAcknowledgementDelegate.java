package org.casedesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 受理回执: bound as {@code ${sendAcknowledgementDelegate}} to the asynchronous step of
 * {@code processes/case-lifecycle.bpmn} after {@code Task_OpenCaseFile}: mails the consumer the case number,
 * when the consumer gave an e-mail address ({@code complainantEmail}).
 */
@Component
public class SendAcknowledgementDelegate implements JavaDelegate {

    private final NotificationService notifications;

    SendAcknowledgementDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.acknowledge(CaseFacts.of(execution), execution.getId());
    }
}
