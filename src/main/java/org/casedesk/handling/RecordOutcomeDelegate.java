package org.casedesk.handling;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_RecordOutcome}, after the unit mediated a complaint or verified a report: records the
 * outcome on the case. A revisit follows, so an earlier round's revisit answer is cleared from its form.
 */
@Component
public class RecordOutcomeDelegate implements JavaDelegate {

    private final CaseFileService caseFiles;

    public RecordOutcomeDelegate(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = text(execution, HANDLING_OUTCOME);
        if (outcome == null) {
            throw new IllegalArgumentException("handlingOutcome (办理结果) is required");
        }
        caseFiles.recordOutcome(text(execution, CASE_NUMBER), outcome, text(execution, OUTCOME_NOTE),
                ClockUtil.getCurrentTime().toInstant());
        execution.removeVariable(REVISIT_RESULT);
    }
}
