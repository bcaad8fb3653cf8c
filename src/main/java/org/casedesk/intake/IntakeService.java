package org.casedesk.intake;

import static org.casedesk.casefile.CaseVariables.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.intake.IntakeRules.FieldError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Takes cases from channel systems: checks them, and starts {@code processes/case-lifecycle.bpmn} with the
 * submission as its start variables, as the Tasklist start form does, plus the type and category as hints the
 * register form shows filled in. A channel's external reference
 * makes one case only: a repeated submission gets the existing case back, and of two racing submissions the
 * second one's intake fails on the unique (channel, reference) index, rolls back whole, and returns the first's.
 */
@Service
class IntakeService {

    static final String LIFECYCLE = "case-lifecycle";

    private final IntakeRules rules;
    private final RuntimeService runtimeService;
    private final CaseFileService caseFiles;

    IntakeService(IntakeRules rules, RuntimeService runtimeService, CaseFileService caseFiles) {
        this.rules = rules;
        this.runtimeService = runtimeService;
        this.caseFiles = caseFiles;
    }

    /** The case the submission made, or the one an earlier submission with its reference made. */
    record Receipt(CaseFile caseFile, boolean created) {
    }

    /** Thrown when a submission breaks the rules; nothing has been written. */
    static class InvalidCaseException extends RuntimeException {

        final List<FieldError> errors;

        InvalidCaseException(List<FieldError> errors) {
            super(errors.size() + " field(s) refused: " + errors);
            this.errors = errors;
        }
    }

    Receipt submit(IntakeRequest request) {
        List<FieldError> errors = rules.check(request, ClockUtil.getCurrentTime().toInstant());
        if (!errors.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
        Optional<CaseFile> existing = caseFiles.findByExternalReference(request.channel(), request.externalReference());
        if (existing.isPresent()) {
            return new Receipt(sameWorkOrder(existing.get(), request), false);
        }
        try {
            ProcessInstance started = runtimeService.createProcessInstanceByKey(LIFECYCLE)
                    .setVariables(startVariables(request)).execute();
            return new Receipt(caseFiles.find(started.getBusinessKey()).orElseThrow(), true);
        } catch (RuntimeException e) {
            if (causedByDuplicateKey(e)) {
                return new Receipt(sameWorkOrder(caseFiles.findByExternalReference(request.channel(),
                        request.externalReference()).orElseThrow(() -> e), request), false);
            }
            throw e;
        }
    }

    /**
     * A 12345 work order sent again must be the same order: a changed deadline is refused rather than dropped, since
     * the running case keeps the deadline it came with.
     */
    private static CaseFile sameWorkOrder(CaseFile existing, IntakeRequest request) {
        Instant requested = request.workOrderDueAt() == null ? null : request.workOrderDueAt().toInstant();
        if (!Objects.equals(requested, existing.workOrderDueAt())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "工单 " + request.externalReference() + " 已受理为案件 "
                    + existing.caseNumber() + "，办理期限为 " + existing.workOrderDueAt() + "；已受理的工单不能改期");
        }
        return existing;
    }

    private static Map<String, Object> startVariables(IntakeRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CHANNEL, request.channel());
        variables.put(EXTERNAL_REFERENCE, request.externalReference());
        variables.put(CASE_TYPE, request.type());
        variables.put(CATEGORY, request.category());
        if (request.complainant() != null) {
            variables.put(COMPLAINANT_NAME, request.complainant().name());
            variables.put(COMPLAINANT_PHONE, request.complainant().phone());
            variables.put(COMPLAINANT_ADDRESS, request.complainant().address());
            variables.put(COMPLAINANT_EMAIL, request.complainant().email());
        }
        if (request.respondent() != null) {
            variables.put(RESPONDENT_NAME, request.respondent().name());
            variables.put(RESPONDENT_ADDRESS, request.respondent().address());
            variables.put(RESPONDENT_DISTRICT, request.respondent().district());
            variables.put(RESPONDENT_STREET, request.respondent().street());
            variables.put(PLATFORM_NAME, request.respondent().platform());
        }
        variables.put(DESCRIPTION, request.description());
        variables.put(CLAIM, request.claim());
        variables.put(AMOUNT, request.amount() == null ? null : request.amount().doubleValue());
        variables.put(OCCURRED_AT, request.occurredAt() == null ? null : request.occurredAt().toInstant().toString());
        variables.put(WORK_ORDER_DUE_AT,
                request.workOrderDueAt() == null ? null : request.workOrderDueAt().toInstant().toString());
        variables.values().removeIf(value -> value == null);
        return variables;
    }

    private static boolean causedByDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
