package org.casedesk.casefile;

/** Where a case stands in the lifecycle, as stored in {@code case_file.status}. */
public enum CaseStatus {
    /** Opened at intake, waiting for an operator to register it. */
    RECEIVED,
    /** Registered; routing could not place it, or a unit returned it: waiting for a dispatcher. */
    AWAITING_DISPATCH,
    /** Forwarded to a handling unit. */
    WITH_UNIT,
    /** The unit recorded its outcome; waiting for the revisit. */
    HANDLED,
    /** The consumer was dissatisfied; back with the unit under supervision (督办). */
    UNDER_SUPERVISION,
    CLOSED
}
