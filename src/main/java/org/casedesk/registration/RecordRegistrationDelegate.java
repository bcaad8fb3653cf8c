package org.casedesk.registration;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.Respondent;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_RecordRegistration}, right after the operator's {@code Task_RegisterCase}: checks the
 * classification, records it on the case and sets {@code registrationDecision} for the gateway that follows.
 */
@Component
public class RecordRegistrationDelegate implements JavaDelegate {

    private final RegistrationService registration;
    private final CaseFileService caseFiles;

    public RecordRegistrationDelegate(RegistrationService registration, CaseFileService caseFiles) {
        this.registration = registration;
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseType = text(execution, CASE_TYPE);
        String category = text(execution, CATEGORY);
        String notAcceptedGround = text(execution, NOT_ACCEPTED_GROUND);
        String answer = text(execution, ANSWER);
        RegistrationDecision decision = registration.decide(caseType, category, notAcceptedGround, answer,
                text(execution, MERGE_INTO));
        Respondent respondent = new Respondent(text(execution, RESPONDENT_NAME), text(execution, RESPONDENT_ADDRESS),
                text(execution, RESPONDENT_DISTRICT), text(execution, RESPONDENT_STREET),
                text(execution, PLATFORM_NAME));
        caseFiles.recordRegistration(text(execution, CASE_NUMBER), caseType, category, respondent,
                decision == RegistrationDecision.NOT_ACCEPTED ? notAcceptedGround : null,
                decision == RegistrationDecision.ANSWERED ? answer : null,
                ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(REGISTRATION_DECISION, decision.name());
    }
}
