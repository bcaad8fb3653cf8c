package org.casedesk.notification;

import java.util.Arrays;

/**
 * The deadlines of DESIGN.md "Deadlines" that reminders (超期提示) and overdue notices (超期通报) name. The
 * BPMN step passes the key (e.g. {@code ACCEPTANCE}) in its input variable {@code deadline}; mails show the
 * Chinese name.
 */
public enum Deadline {
    REGISTRATION("登记", false),
    NOT_ACCEPTED_NOTICE("告知不予受理", false),
    FIRST_CONTACT("先行联系", true),
    ACCEPTANCE("受理审查", true),
    MEDIATION("调解", true),
    MEDIATION_ENDED("告知终止调解", true),
    VERIFICATION("举报核查", true),
    REPORTER_INFORMED("告知举报人", true),
    REVISIT("回访", false);

    private final String displayName;
    private final boolean performedByUnit;

    Deadline(String displayName, boolean performedByUnit) {
        this.displayName = displayName;
        this.performedByUnit = performedByUnit;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Whether the handling unit does the step (its task goes to {@code unit-<code>} in
     * {@code processes/case-lifecycle.bpmn}) rather than the centre's operators, so the reports charge it to the unit.
     */
    public boolean performedByUnit() {
        return performedByUnit;
    }

    /** The deadline of a key as written in the BPMN; an unknown or missing key is a modelling error. */
    public static Deadline of(String key) {
        return Arrays.stream(values()).filter(deadline -> deadline.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown deadline '" + key + "': expected one of " + Arrays.toString(values())));
    }
}
