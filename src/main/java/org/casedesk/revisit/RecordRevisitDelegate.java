package org.casedesk.revisit;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_RecordRevisit}, after the operator called the consumer back (回访): records the
 * satisfaction on the case, or counts an unsuccessful call in {@code revisitAttempts}, which
 * {@code Gateway_RevisitRetries} compares with the number of tries set in the BPMN.
 */
@Component
public class RecordRevisitDelegate implements JavaDelegate {

    private final CaseFileService caseFiles;

    public RecordRevisitDelegate(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String result = text(execution, REVISIT_RESULT);
        if (result == null) {
            throw new IllegalArgumentException("revisitResult (回访结果) is required");
        }
        if ("UNREACHABLE".equals(result)) {
            execution.setVariable(REVISIT_ATTEMPTS, (Integer) execution.getVariable(REVISIT_ATTEMPTS) + 1);
        } else {
            caseFiles.recordSatisfaction(text(execution, CASE_NUMBER), result);
        }
    }
}
