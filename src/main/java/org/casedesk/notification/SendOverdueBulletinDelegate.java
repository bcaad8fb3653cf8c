package org.casedesk.notification;

import static org.casedesk.notification.OverdueBulletinVariables.BULLETIN_DATE;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.deadline.OverdueCases;
import org.springframework.stereotype.Component;

/**
 * 每日超期通报: bound as {@code ${sendOverdueBulletinDelegate}} to {@code Task_SendOverdueBulletin}, the
 * asynchronous step of {@code processes/overdue-bulletin.bpmn} on working days: mails the supervisors the
 * overdue cases by unit as they stand now, for the day in {@code bulletinDate}.
 */
@Component
public class SendOverdueBulletinDelegate implements JavaDelegate {

    private final NotificationService notifications;
    private final OverdueCases overdueCases;

    SendOverdueBulletinDelegate(NotificationService notifications, OverdueCases overdueCases) {
        this.notifications = notifications;
        this.overdueCases = overdueCases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object day = execution.getVariable(BULLETIN_DATE);
        if (day == null) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " needs the variable "
                    + BULLETIN_DATE + ", set by Task_CheckWorkingDay");
        }
        notifications.sendBulletin(new OverdueBulletin(LocalDate.parse(day.toString()), overdueCases.byUnit()));
    }
}
