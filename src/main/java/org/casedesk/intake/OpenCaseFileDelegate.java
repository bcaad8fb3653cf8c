package org.casedesk.intake;

import static org.casedesk.casefile.CaseVariables.*;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CentreTime;
import org.casedesk.casefile.NewCase;
import org.casedesk.casefile.Respondent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_OpenCaseFile} in {@code processes/case-lifecycle.bpmn}, the first step after a case
 * arrives: writes the case row in the same transaction that starts the process and gives the case its
 * number, which also becomes the business key Tasklist and Cockpit show. A 12345 work order also gets
 * {@code workOrderId}, which makes {@code Task_ReplyWorkOrder} answer it at closure.
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
        // an ISO instant from the intake API, a time with its offset (2026-12-24T18:00+08:00) from the start form
        String workOrderDueAt = text(execution, WORK_ORDER_DUE_AT);
        Instant workOrderDue = workOrderDueAt == null ? null : OffsetDateTime.parse(workOrderDueAt).toInstant();
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
                occurredAt == null ? null : Instant.parse(occurredAt),
                workOrderDue);
        if (newCase.channel() == null) {
            throw new IllegalArgumentException("A case needs its channel (来源渠道)");
        }
        if (IntakeRules.HOTLINE_12345.equals(newCase.channel())
                && (newCase.externalReference() == null || workOrderDue == null)) {
            throw new IllegalArgumentException("12345 转办须有工单号和办理期限 / a 12345 transfer needs its work order's id"
                    + " and deadline");
        }
        if (newCase.externalReference() != null) {
            // caught like the unique index's own refusal: the intake API answers with the existing case
            caseFiles.findByExternalReference(newCase.channel(), newCase.externalReference()).ifPresent(existing -> {
                throw new DuplicateKeyException("来源渠道 " + newCase.channel() + " 的编号 " + newCase.externalReference()
                        + " 已受理为案件 " + existing.caseNumber());
            });
        }
        String caseNumber = caseFiles.open(newCase, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(caseNumber);
        execution.setVariable(CASE_NUMBER, caseNumber);
        execution.setVariable(RECEIVED_AT, CentreTime.SECONDS.format(receivedAt));
        execution.setVariable(SUPERVISION_ROUNDS, 0);
        execution.setVariable(REVISIT_ATTEMPTS, 0);
        if (workOrderDue != null) {
            execution.setVariable(WORK_ORDER_DUE_AT, workOrderDue.toString());
            execution.setVariable(WORK_ORDER_ID, newCase.externalReference());
        }
    }
}
