package org.casedesk.reporting;

import static org.casedesk.reporting.PeriodicReportVariables.ANALYSIS_DUE;
import static org.casedesk.reporting.PeriodicReportVariables.REPORT_FROM;
import static org.casedesk.reporting.PeriodicReportVariables.REPORT_KIND;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.WorkingDayCalendar;
import org.casedesk.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_CheckAnalysisDue} in {@code processes/monthly-analysis.bpmn}, right after the daily 08:00
 * timer: sets {@code analysisDue} when today (Shanghai) is a working day by China's official calendar (holidays and
 * make-up working days) and the month before's analysis has not been mailed yet, and then that month as the
 * analysis' period.
 * <p>
 * Asking the mail log rather than "is today the month's first working day" means a missed firing loses nothing:
 * Camunda fires an overdue timer once when the application starts again, possibly on a later day, and the analysis
 * then goes out on the first working day the job actually runs. For the same reason the first run after the first
 * deployment sends the month before's analysis, whatever the day of the month.
 */
@Component
public class CheckAnalysisDueDelegate implements JavaDelegate {

    private final WorkingDayCalendar calendar;
    private final NotificationService notifications;

    public CheckAnalysisDueDelegate(WorkingDayCalendar calendar, NotificationService notifications) {
        this.calendar = calendar;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = CentreTime.today();
        ReportPeriod lastMonth = ReportPeriod.monthBefore(today);
        boolean due = calendar.isWorkingDay(today) && !notifications.wasSent(lastMonth.mailKey());
        execution.setVariable(ANALYSIS_DUE, due);
        if (due) {
            execution.setVariable(REPORT_KIND, ReportPeriod.Kind.MONTHLY.name());
            execution.setVariable(REPORT_FROM, lastMonth.from().toString());
        }
    }
}
