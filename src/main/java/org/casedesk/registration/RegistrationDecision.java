package org.casedesk.registration;

/** Where a registered case goes next; {@code Gateway_RegistrationDecision} reads it. */
public enum RegistrationDecision {
    /** A consultation or suggestion, answered at registration and closed. */
    ANSWERED,
    /** On the negative list (Measures Art. 15): not accepted, the consumer is told. */
    NOT_ACCEPTED,
    /** Both a complaint and a report: split into two linked cases, each forwarded. */
    SPLIT,
    /** A complaint or a report: forwarded to a handling unit. */
    FORWARD,
    /** A repeat call (市民重复来电) the operator merged into a linked open case: it closes, linked to that case. */
    MERGED
}
