package org.casedesk.intake;

import static org.casedesk.casefile.CaseVariables.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CentreTime;
import org.casedesk.casefile.NewCase;
import org.casedesk.casefile.Respondent;
import org.casedesk.intake.RepeatCalls.LinkedCase;
import org.casedesk.registration.RegistrationLists;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bound to {@code Task_OpenCaseFile} in {@code processes/case-lifecycle.bpmn}, the first step after a case
 * arrives: writes the case row in the same transaction that starts the process and gives the case its
 * number, which also becomes the business key Tasklist and Cockpit show. It links the case to the open cases of
 * the same caller or respondent ({@link RepeatCalls}) and gives {@code register-case} what it shows of them. A
 * 12345 work order also gets {@code workOrderId}, which makes {@code Task_ReplyWorkOrder} answer it at closure.
 * The phone is also kept masked ({@link PhoneMask}), for the forms of staff who do not call the consumer.
 */
@Component
public class OpenCaseFileDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseFileService caseFiles;
    private final RepeatCalls repeatCalls;
    private final RegistrationLists lists;

    public OpenCaseFileDelegate(CaseFileService caseFiles, RepeatCalls repeatCalls, RegistrationLists lists) {
        this.caseFiles = caseFiles;
        this.repeatCalls = repeatCalls;
        this.lists = lists;
    }

    /**
     * One entry of {@code repeatCallCases}, as the register form's {@code {{#loop repeatCallCases}}} text shows it.
     * Only what tells the operator whether it is the same request: nothing of the other case's complainant or its
     * description, since process variables stay in the history. {@code FormsTests} holds the form's names equal to
     * these components.
     */
    public record RepeatCallCase(String caseNumber, String receivedAt, String status, String respondentName,
            String category, String reason) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant receivedAt = ClockUtil.getCurrentTime().toInstant();
        String occurredAt = text(execution, OCCURRED_AT);
        Instant workOrderDue = workOrderDue(text(execution, WORK_ORDER_DUE_AT));
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
                workOrderDue,
                text(execution, CATEGORY));
        if (newCase.channel() == null) {
            throw new IllegalArgumentException("A case needs its channel (来源渠道)");
        }
        checkWorkOrder(newCase);
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
        execution.setVariable(COMPLAINANT_PHONE_MASKED, PhoneMask.mask(newCase.complainantPhone()));
        execution.setVariable(RECEIVED_AT, CentreTime.SECONDS.format(receivedAt));
        execution.setVariable(SUPERVISION_ROUNDS, 0);
        execution.setVariable(REVISIT_ATTEMPTS, 0);
        if (workOrderDue != null) {
            execution.setVariable(WORK_ORDER_DUE_AT, workOrderDue.toString());
            execution.setVariable(WORK_ORDER_ID, newCase.externalReference());
        }

        List<LinkedCase> linked = repeatCalls.link(caseNumber, newCase);
        execution.setVariable(REPEAT_CALL, !linked.isEmpty());
        if (!linked.isEmpty()) {
            execution.setVariable(REPEAT_CALL_CASES, json(linked.stream().map(this::shown).toList()));
            execution.setVariable(MERGE_OPTIONS, json(linked.stream().map(OpenCaseFileDelegate::option).toList()));
        }
    }

    /** An ISO instant from the intake API, a time with its offset (2026-12-24T18:00+08:00) from the start form. */
    private static Instant workOrderDue(String workOrderDueAt) {
        try {
            return workOrderDueAt == null ? null : OffsetDateTime.parse(workOrderDueAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("12345 办理期限 '" + workOrderDueAt + "' 应为带时区的时间，如"
                    + " 2026-12-24T18:00+08:00", e);
        }
    }

    /** A 12345 transfer needs its work order's number and a deadline still ahead; no other channel has either. */
    private static void checkWorkOrder(NewCase newCase) {
        boolean from12345 = IntakeRules.HOTLINE_12345.equals(newCase.channel());
        if (from12345 && (newCase.externalReference() == null || newCase.workOrderDueAt() == null)) {
            throw new IllegalArgumentException("12345 转办须有工单号和办理期限");
        }
        if (!from12345 && newCase.workOrderDueAt() != null) {
            throw new IllegalArgumentException("只有 12345 转办带办理期限，来源渠道 " + newCase.channel() + " 没有");
        }
        if (from12345 && !newCase.workOrderDueAt().isAfter(newCase.receivedAt())) {
            throw new IllegalArgumentException("12345 工单的办理期限已过，请先与 12345 确认新的期限");
        }
    }

    /** A linked case as the register form lists it. */
    private RepeatCallCase shown(LinkedCase linked) {
        String category = linked.category() == null ? "（未登记）" : lists.categoryLabel(linked.category());
        return new RepeatCallCase(linked.caseNumber(), CentreTime.MINUTES.format(linked.receivedAt()),
                CaseStatusView.STATUS_NAMES.get(linked.status()),
                linked.respondentName() == null ? "（未填）" : oneLine(linked.respondentName()), category,
                linked.samePhone() && linked.sameParties() ? "同一来电号码，同一诉求人和经营者"
                        : linked.samePhone() ? "同一来电号码" : "同一诉求人和经营者");
    }

    /** One choice of the form-js select {@code mergeInto}. */
    private static Map<String, String> option(LinkedCase linked) {
        return Map.of("label", linked.caseNumber() + "（" + CentreTime.MINUTES.format(linked.receivedAt()) + " 受理，"
                + (linked.respondentName() == null ? "经营者未填" : oneLine(linked.respondentName())) + "）",
                "value", linked.caseNumber());
    }

    /** Whitespace collapsed to single spaces: a line break would end the form's markdown list item. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as Json", e);
        }
    }
}
