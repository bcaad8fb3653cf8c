package org.casedesk.identity;

/**
 * The Camunda groups of DESIGN.md "Who uses it": the ids the BPMN names as candidate groups, shared by
 * the demo identity and the Tasklist filters. Unit groups are {@code unit-<code>} after the routing
 * table's unit codes, as {@code Task_ContactConsumer} names them ({@code unit-${handlingUnit}}).
 */
final class StaffGroups {

    static final String OPERATORS = "operators";
    static final String DISPATCHERS = "dispatchers";
    static final String SUPERVISORS = "supervisors";
    static final String AUDITORS = "auditors";
    /** The channel systems' service accounts (casedesk.intake.accounts); they use the intake API only. */
    static final String INTAKE_SYSTEMS = "intakesystems";

    private StaffGroups() {
    }

    static String unit(String code) {
        return "unit-" + code;
    }
}
