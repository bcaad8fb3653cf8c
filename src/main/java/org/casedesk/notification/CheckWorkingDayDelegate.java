package org.casedesk.notification;

import static org.casedesk.notification.OverdueBulletinVariables.BULLETIN_DATE;
import static org.casedesk.notification.OverdueBulletinVariables.WORKING_DAY;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_CheckWorkingDay} in {@code processes/overdue-bulletin.bpmn}, right after the daily 09:00
 * timer: fixes the bulletin's day, today in Shanghai, in {@code bulletinDate}, and sets {@code workingDay} from
 * China's official calendar (holidays and make-up working days) for {@code Gateway_WorkingDay}.
 */
@Component
public class CheckWorkingDayDelegate implements JavaDelegate {

    private final WorkingDayCalendar calendar;

    public CheckWorkingDayDelegate(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = CentreTime.today();
        execution.setVariable(BULLETIN_DATE, today.toString());
        execution.setVariable(WORKING_DAY, calendar.isWorkingDay(today));
    }
}
