package org.casedesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 办结告知: bound as {@code ${sendOutcomeDelegate}} to the asynchronous step of
 * {@code processes/case-lifecycle.bpmn} after {@code Task_CloseCase}: mails the consumer how the case ended
 * and the unit's outcome note, when the consumer gave an e-mail address ({@code complainantEmail}).
 */
@Component
public class SendOutcomeDelegate implements JavaDelegate {

    private final NotificationService notifications;

    SendOutcomeDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.tellOutcome(CaseFacts.of(execution), execution.getId());
    }
}
