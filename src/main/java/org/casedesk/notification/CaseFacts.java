package org.casedesk.notification;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.CLOSURE;
import static org.casedesk.casefile.CaseVariables.COMPLAINANT_EMAIL;
import static org.casedesk.casefile.CaseVariables.COMPLAINANT_NAME;
import static org.casedesk.casefile.CaseVariables.HANDLING_UNIT_NAME;
import static org.casedesk.casefile.CaseVariables.OUTCOME_NOTE;
import static org.casedesk.casefile.CaseVariables.RECEIVED_AT;
import static org.casedesk.casefile.CaseVariables.RESPONDENT_NAME;
import static org.casedesk.casefile.CaseVariables.text;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.casedesk.casefile.CentreTime;

/**
 * The facts of a case that the mails show, as the process variables of {@code processes/case-lifecycle.bpmn}
 * carry them. Any of them may be null when the case has not reached the step that sets it.
 *
 * @param closure a {@link org.casedesk.casefile.Closure} name, set by {@code Task_CloseCase}
 */
record CaseFacts(String caseNumber, String complainantName, String complainantEmail, String respondentName,
        String handlingUnitName, String closure, String outcomeNote, Instant receivedAt) {

    static CaseFacts of(VariableScope variables) {
        String receivedAt = text(variables, RECEIVED_AT);
        return new CaseFacts(text(variables, CASE_NUMBER), text(variables, COMPLAINANT_NAME),
                text(variables, COMPLAINANT_EMAIL), text(variables, RESPONDENT_NAME),
                text(variables, HANDLING_UNIT_NAME), text(variables, CLOSURE), text(variables, OUTCOME_NOTE),
                receivedAt == null ? null : instant(receivedAt));
    }

    /** Reads Shanghai wall time ({@code 2026-11-28 09:30:00}) or an ISO 8601 time with offset. */
    static Instant instant(String text) {
        try {
            return Instant.from(CentreTime.SECONDS.parse(text));
        } catch (DateTimeParseException notWallTime) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
