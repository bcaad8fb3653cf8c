package org.casedesk.intake;

import static org.casedesk.casefile.CaseVariables.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CentreTime;
import org.casedesk.casefile.NewCase;
import org.casedesk.casefile.Respondent;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_OpenCaseFile} in {@code processes/case-lifecycle.bpmn}, the first step after a case
 * arrives: writes the case row in the same transaction that starts the process and gives the case its
 * number, which also becomes the business key Tasklist and Cockpit show.
 */
@Component
public class OpenCaseFileDelegate implements JavaDelegate {

    private final CaseFileService caseFiles;

    public OpenCaseFileDelegate(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant receivedAt = ClockUtil.getCurrentTime().toInstant();
        String occurredAt = text(execution, OCCURRED_AT);
        NewCase newCase = new NewCase(
                text(execution, CHANNEL),
                text(execution, EXTERNAL_REFERENCE),
                receivedAt,
                text(execution, COMPLAINANT_NAME),
                text(execution, COMPLAINANT_PHONE),
                text(execution, COMPLAINANT_ADDRESS),
                text(execution, COMPLAINANT_EMAIL),
                new Respondent(text(execution, RESPONDENT_NAME), text(execution, RESPONDENT_ADDRESS),
                        text(execution, RESPONDENT_DISTRICT), text(execution, RESPONDENT_STREET),
                        text(execution, PLATFORM_NAME)),
                text(execution, DESCRIPTION),
                text(execution, CLAIM),
                decimal(execution, AMOUNT),
                occurredAt == null ? null : Instant.parse(occurredAt));
        if (newCase.channel() == null) {
            throw new IllegalArgumentException("A case needs its channel (来源渠道)");
        }
        String caseNumber = caseFiles.open(newCase, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(caseNumber);
        execution.setVariable(CASE_NUMBER, caseNumber);
        execution.setVariable(RECEIVED_AT, CentreTime.SECONDS.format(receivedAt));
        execution.setVariable(SUPERVISION_ROUNDS, 0);
        execution.setVariable(REVISIT_ATTEMPTS, 0);
    }
}
