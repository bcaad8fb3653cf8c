package org.casedesk.casefile;

/** How a case ended, as stored in {@code case_file.closure} by {@code Task_CloseCase}. */
public enum Closure {
    /** A consultation or suggestion answered at registration. */
    ANSWERED,
    /** Not accepted at registration on a negative-list ground (Measures Art. 15). */
    NOT_ACCEPTED,
    /** Rejected by the handling unit on an Art. 15 ground. */
    REJECTED_BY_UNIT,
    /** Handled, and the consumer was reached at the revisit and not dissatisfied. */
    RESOLVED,
    /** Still dissatisfied after the last supervision round the process allows. */
    DISSATISFIED,
    /** The consumer could not be reached at the revisit after every retry. */
    UNREACHABLE,
    /** A repeat call merged at registration into an open case of the same caller or respondent. */
    MERGED;

    /**
     * Derives the closure from the decisions the process recorded on its way to {@code Task_CloseCase};
     * each argument may be null when the case never reached that step.
     */
    public static Closure of(String registrationDecision, String acceptanceDecision, String revisitResult) {
        if ("ANSWERED".equals(registrationDecision)) {
            return ANSWERED;
        }
        if ("NOT_ACCEPTED".equals(registrationDecision)) {
            return NOT_ACCEPTED;
        }
        if ("MERGED".equals(registrationDecision)) {
            return MERGED;
        }
        if ("REJECT".equals(acceptanceDecision)) {
            return REJECTED_BY_UNIT;
        }
        if ("UNREACHABLE".equals(revisitResult)) {
            return UNREACHABLE;
        }
        if ("DISSATISFIED".equals(revisitResult)) {
            return DISSATISFIED;
        }
        if (revisitResult == null) {
            throw new IllegalStateException("A handled case cannot close before its revisit");
        }
        return RESOLVED;
    }
}
