package org.casedesk.handling;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.HandlingOutcome;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_RecordOutcome}, after the unit mediated a complaint or verified a report: records the
 * outcome on the case. A revisit follows with its full number of calls, also after a supervision round.
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
        caseFiles.recordOutcome(text(execution, CASE_NUMBER), new HandlingOutcome(outcome,
                text(execution, OUTCOME_NOTE), text(execution, TERMINATION_REASON), decimal(execution, RECOVERED_AMOUNT)),
                ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(REVISIT_ATTEMPTS, 0);
    }
}
