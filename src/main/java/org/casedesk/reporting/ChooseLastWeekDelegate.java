package org.casedesk.reporting;

import static org.casedesk.reporting.PeriodicReportVariables.REPORT_FROM;
import static org.casedesk.reporting.PeriodicReportVariables.REPORT_KIND;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.casefile.CentreTime;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_ChooseLastWeek} in {@code processes/weekly-bulletin.bpmn}, right after the Monday 08:00
 * timer: the weekly bulletin reports the Monday-to-Sunday week before today (Shanghai), whether or not today is a
 * working day, so that every week has its bulletin.
 */
@Component
public class ChooseLastWeekDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = CentreTime.today();
        execution.setVariable(REPORT_KIND, ReportPeriod.Kind.WEEKLY.name());
        execution.setVariable(REPORT_FROM, ReportPeriod.weekBefore(today).from().toString());
    }
}
