package org.casedesk.notification;

import java.util.Arrays;

/**
 * The deadlines of DESIGN.md "Deadlines" that reminders (超期提示) and overdue notices (超期通报) name. The
 * BPMN step passes the key (e.g. {@code ACCEPTANCE}) in its input variable {@code deadline}; mails show the
 * Chinese name.
 */
public enum Deadline {
    REGISTRATION("登记"),
    NOT_ACCEPTED_NOTICE("告知不予受理"),
    FIRST_CONTACT("先行联系"),
    ACCEPTANCE("受理审查"),
    MEDIATION("调解"),
    MEDIATION_ENDED("告知终止调解"),
    VERIFICATION("举报核查"),
    REPORTER_INFORMED("告知举报人"),
    REVISIT("回访");

    private final String displayName;

    Deadline(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The deadline of a key as written in the BPMN; an unknown or missing key is a modelling error. */
    public static Deadline of(String key) {
        return Arrays.stream(values()).filter(deadline -> deadline.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown deadline '" + key + "': expected one of " + Arrays.toString(values())));
    }
}
