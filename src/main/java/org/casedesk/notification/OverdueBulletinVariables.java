package org.casedesk.notification;

/** Names of the process variables of {@code processes/overdue-bulletin.bpmn}. */
public final class OverdueBulletinVariables {

    /** Whether the day the timer fired is a working day, read by {@code Gateway_WorkingDay}; a boolean. */
    public static final String WORKING_DAY = "workingDay";
    /**
     * The Shanghai day the bulletin is for, {@code 2026-11-30}: fixed when the timer fires, so a bulletin retried
     * after midnight is still that day's.
     */
    public static final String BULLETIN_DATE = "bulletinDate";

    private OverdueBulletinVariables() {
    }
}
