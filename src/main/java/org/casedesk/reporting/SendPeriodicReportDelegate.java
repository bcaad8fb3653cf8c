package org.casedesk.reporting;

import static org.casedesk.reporting.PeriodicReportVariables.REPORT_FROM;
import static org.casedesk.reporting.PeriodicReportVariables.REPORT_KIND;

import java.time.LocalDate;
import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 周有快报、月有分析: bound as {@code ${sendPeriodicReportDelegate}} to {@code Task_SendWeeklyBulletin} of
 * {@code processes/weekly-bulletin.bpmn} and {@code Task_SendMonthlyAnalysis} of {@code processes/monthly-analysis.bpmn},
 * both asynchronous: writes the report of the period in {@code reportKind} and {@code reportFrom} and mails it to the
 * supervisors, once per period.
 */
@Component
public class SendPeriodicReportDelegate implements JavaDelegate {

    private final PeriodicReports reports;
    private final NotificationService notifications;

    SendPeriodicReportDelegate(PeriodicReports reports, NotificationService notifications) {
        this.reports = reports;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object kind = execution.getVariable(REPORT_KIND);
        Object from = execution.getVariable(REPORT_FROM);
        if (kind == null || from == null) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " needs the variables " + REPORT_KIND
                    + " and " + REPORT_FROM + ", set by the step before it");
        }
        LocalDate first = LocalDate.parse(from.toString());
        ReportPeriod period = switch (ReportPeriod.Kind.valueOf(kind.toString())) {
            case WEEKLY -> ReportPeriod.week(first);
            case MONTHLY -> ReportPeriod.month(YearMonth.from(first));
            case ON_DEMAND -> throw new IllegalStateException("A report on demand is not mailed");
        };
        notifications.sendReport(period.mailKey(), reports.mail(period));
    }
}
