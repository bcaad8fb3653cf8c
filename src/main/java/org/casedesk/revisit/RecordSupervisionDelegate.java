package org.casedesk.revisit;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_RecordSupervision}: a dissatisfied case goes back to the same unit under supervision
 * (督办). Counts the round in {@code supervisionRounds}, which {@code Gateway_SupervisionLimit} compares with
 * the limit set in the BPMN. The unit receives the case anew, so a report's verification period counts from now
 * ({@code unitReceivedAt}).
 */
@Component
public class RecordSupervisionDelegate implements JavaDelegate {

    private final CaseFileService caseFiles;

    public RecordSupervisionDelegate(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFiles.recordSupervision(text(execution, CASE_NUMBER));
        execution.setVariable(SUPERVISION_ROUNDS, (Integer) execution.getVariable(SUPERVISION_ROUNDS) + 1);
        execution.setVariable(UNIT_RECEIVED_AT, ClockUtil.getCurrentTime().toInstant().toString());
    }
}
