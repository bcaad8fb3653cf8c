package org.casedesk.casefile;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the process variables of {@code processes/case-lifecycle.bpmn} that the Java code reads or writes.
 * Form field keys are the same names, so a renamed variable must be renamed in {@code forms/} too; notes that
 * only forms show (e.g. {@code registrationNote}) are named in the forms alone.
 */
public final class CaseVariables {

    // Start form (start-case)
    public static final String CHANNEL = "channel";
    public static final String COMPLAINANT_NAME = "complainantName";
    public static final String COMPLAINANT_PHONE = "complainantPhone";
    public static final String COMPLAINANT_ADDRESS = "complainantAddress";
    public static final String COMPLAINANT_EMAIL = "complainantEmail";
    public static final String RESPONDENT_NAME = "respondentName";
    public static final String RESPONDENT_ADDRESS = "respondentAddress";
    public static final String RESPONDENT_DISTRICT = "respondentDistrict";
    public static final String RESPONDENT_STREET = "respondentStreet";
    public static final String PLATFORM_NAME = "platformName";
    public static final String DESCRIPTION = "description";
    public static final String CLAIM = "claim";
    public static final String AMOUNT = "amount";
    /** Set by the intake API only: the channel system's own reference of the case. */
    public static final String EXTERNAL_REFERENCE = "externalReference";
    /** Set by the intake API only: ISO instant the consumer's problem happened. */
    public static final String OCCURRED_AT = "occurredAt";
    /** A 12345 work order's own deadline, an ISO instant: no deadline of the case falls after it. */
    public static final String WORK_ORDER_DUE_AT = "workOrderDueAt";
    /** The 12345 work order the case answers (its external reference); set at intake, the reply at closure uses it. */
    public static final String WORK_ORDER_ID = "workOrderId";

    // Task_OpenCaseFile
    public static final String CASE_NUMBER = "caseNumber";
    /** The phone as the forms of staff who do not call the consumer show it, e.g. 138****5678. */
    public static final String COMPLAINANT_PHONE_MASKED = "complainantPhoneMasked";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String SUPERVISION_ROUNDS = "supervisionRounds";
    public static final String REVISIT_ATTEMPTS = "revisitAttempts";

    // Register (register-case) and Task_RecordRegistration
    public static final String CASE_TYPE = "caseType";
    public static final String CATEGORY = "category";
    public static final String NOT_ACCEPTED_GROUND = "notAcceptedGround";
    public static final String ANSWER = "answer";
    public static final String REGISTRATION_DECISION = "registrationDecision";
    public static final String INFORM_METHOD = "informMethod";
    public static final String LINKED_CASE_NUMBER = "linkedCaseNumber";

    // Forward: Task_RouteCase, Task_DispatchCase, Task_AssignUnit, Task_ReturnCase
    public static final String ROUTED_TO = "routedTo";
    public static final String HANDLING_UNIT = "handlingUnit";
    public static final String HANDLING_UNIT_NAME = "handlingUnitName";
    /** ISO instant the unit received the case (or received it back under supervision); deadlines count from it. */
    public static final String UNIT_RECEIVED_AT = "unitReceivedAt";
    public static final String ROUTING_RULE = "routingRule";
    /** Json list of {label, value}: the units the dispatcher may choose in {@code dispatch-case}. */
    public static final String UNIT_OPTIONS = "unitOptions";
    public static final String RETURN_REASON = "returnReason";

    // Handle
    public static final String CONTACT_RESULT = "contactResult";
    public static final String CONTACT_NOTE = "contactNote";
    public static final String ACCEPTANCE_DECISION = "acceptanceDecision";
    public static final String REJECT_GROUND = "rejectGround";
    public static final String ACCEPTANCE_NOTE = "acceptanceNote";
    public static final String HANDLING_OUTCOME = "handlingOutcome";
    public static final String TERMINATION_REASON = "terminationReason";
    public static final String RECOVERED_AMOUNT = "recoveredAmount";
    public static final String OUTCOME_NOTE = "outcomeNote";

    // Revisit and supervision
    public static final String REVISIT_RESULT = "revisitResult";

    // Repeat callers (市民重复来电): Task_OpenCaseFile sets them, register-case shows them, Task_MergeCase reads mergeInto
    /** True when intake linked the case to open cases of the same caller or respondent. */
    public static final String REPEAT_CALL = "repeatCall";
    /**
     * Json list of the linked open cases as the register form shows them: number, date, status, respondent,
     * category and why linked ({@code OpenCaseFileDelegate.RepeatCallCase}); nothing personal of another case.
     */
    public static final String REPEAT_CALL_CASES = "repeatCallCases";
    /** Json list of {label, value}: the linked open cases the operator may merge the case into. */
    public static final String MERGE_OPTIONS = "mergeOptions";
    /** The open case the operator merges this duplicate into; empty keeps it as a case of its own. */
    public static final String MERGE_INTO = "mergeInto";

    // Task_CloseCase
    public static final String CLOSURE = "closure";

    /** Reads a text variable; form fields left empty arrive as null or blank, and both mean "not given". */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** Reads a number variable (forms send whole numbers as Integer, others as Double) as an exact amount. */
    public static BigDecimal decimal(VariableScope scope, String name) {
        return scope.getVariable(name) instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    private CaseVariables() {
    }
}
