package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_ExtendMediation} in {@code processes/record-testing-time.bpmn}, which a handler starts
 * from Tasklist to record testing or appraisal time (Measures Art. 20) for a case in mediation.
 */
@Component
public class ExtendMediationDelegate implements JavaDelegate {

    static final String TESTING_WORKING_DAYS = "testingWorkingDays";

    private final DeadlineExtension extension;

    public ExtendMediationDelegate(DeadlineExtension extension) {
        this.extension = extension;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable(TESTING_WORKING_DAYS) instanceof Number days)) {
            throw new IllegalArgumentException("testingWorkingDays (检测鉴定工作日) is required");
        }
        execution.setVariable("mediationDueAt",
                extension.extend(text(execution, CASE_NUMBER), "Mediation", days.intValue()).toString());
    }
}
