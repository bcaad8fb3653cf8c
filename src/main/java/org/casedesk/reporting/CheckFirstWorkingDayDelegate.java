package org.casedesk.reporting;

import static org.casedesk.reporting.PeriodicReportVariables.FIRST_WORKING_DAY;
import static org.casedesk.reporting.PeriodicReportVariables.REPORT_FROM;
import static org.casedesk.reporting.PeriodicReportVariables.REPORT_KIND;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_CheckFirstWorkingDay} in {@code processes/monthly-analysis.bpmn}, right after the daily
 * 08:00 timer: sets {@code firstWorkingDay} when today (Shanghai) is the month's first working day by China's
 * official calendar (holidays and make-up working days), and then the month before as the analysis' period.
 */
@Component
public class CheckFirstWorkingDayDelegate implements JavaDelegate {

    private final WorkingDayCalendar calendar;

    public CheckFirstWorkingDayDelegate(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CentreTime.ZONE);
        boolean first = calendar.isWorkingDay(today)
                && today.withDayOfMonth(1).datesUntil(today).noneMatch(calendar::isWorkingDay);
        execution.setVariable(FIRST_WORKING_DAY, first);
        if (first) {
            execution.setVariable(REPORT_KIND, ReportPeriod.Kind.MONTHLY.name());
            execution.setVariable(REPORT_FROM, ReportPeriod.monthBefore(today).from().toString());
        }
    }
}
