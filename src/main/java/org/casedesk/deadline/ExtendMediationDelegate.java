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

    private final MediationPause pause;

    public ExtendMediationDelegate(MediationPause pause) {
        this.pause = pause;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object days = execution.getVariable(MediationPause.TESTING_WORKING_DAYS);
        if (!(days instanceof Number number)) {
            throw new IllegalArgumentException("testingWorkingDays (检测鉴定工作日) is required");
        }
        execution.setVariable("mediationDueAt",
                pause.extend(text(execution, CASE_NUMBER), number.intValue()).toString());
    }
}
