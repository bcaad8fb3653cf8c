package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_ExtendVerification} in {@code processes/extend-verification.bpmn}: after a supervisor
 * approved, a report's verification period grows by 15 working days (Procedure Rules Art. 18), once per round.
 */
@Component
public class ExtendVerificationDelegate implements JavaDelegate {

    static final int EXTENSION_WORKING_DAYS = 15;

    private final DeadlineExtension extension;

    public ExtendVerificationDelegate(DeadlineExtension extension) {
        this.extension = extension;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("verificationDueAt", extension.extendOnce(text(execution, CASE_NUMBER), "Verification",
                EXTENSION_WORKING_DAYS).toString());
    }
}
