package org.casedesk.casefile;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_CloseCase}, where every path of the lifecycle ends (办结): derives how the case ended
 * from the decisions on its way and closes the case row.
 */
@Component
public class CloseCaseDelegate implements JavaDelegate {

    private final CaseFileService caseFiles;

    public CloseCaseDelegate(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = text(execution, CASE_NUMBER);
        Closure closure = Closure.of(text(execution, REGISTRATION_DECISION), text(execution, ACCEPTANCE_DECISION),
                text(execution, REVISIT_RESULT));
        if (closure == Closure.REJECTED_BY_UNIT) {
            caseFiles.recordRejection(caseNumber, text(execution, REJECT_GROUND));
        }
        caseFiles.close(caseNumber, closure, text(execution, INFORM_METHOD), ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(CLOSURE, closure.name());
    }
}
