package org.casedesk.handling;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.routing.UnitCaseAccess;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_ReturnCase}: a unit without jurisdiction sends the case back to the dispatchers, never
 * sideways to another unit. The unit's reason becomes {@code returnReason} for the dispatcher, and the unit's
 * own answers are cleared so the next unit starts with an empty form.
 */
@Component
public class ReturnCaseDelegate implements JavaDelegate {

    private final CaseFileService caseFiles;

    public ReturnCaseDelegate(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = text(execution, ACCEPTANCE_NOTE);
        if (reason == null) {
            throw new IllegalArgumentException("acceptanceNote (说明) must give the reason for returning the case");
        }
        caseFiles.recordAwaitingDispatch(text(execution, CASE_NUMBER));
        UnitCaseAccess.revoke(execution, text(execution, HANDLING_UNIT));
        execution.setVariable(RETURN_REASON, text(execution, HANDLING_UNIT_NAME) + "退回：" + reason);
        for (String answer : new String[] {HANDLING_UNIT, HANDLING_UNIT_NAME, CONTACT_RESULT, CONTACT_NOTE,
                ACCEPTANCE_DECISION, ACCEPTANCE_NOTE, REJECT_GROUND}) {
            execution.removeVariable(answer);
        }
    }
}
