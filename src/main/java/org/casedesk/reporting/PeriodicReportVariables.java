package org.casedesk.reporting;

/** Names of the process variables of {@code processes/weekly-bulletin.bpmn} and {@code monthly-analysis.bpmn}. */
public final class PeriodicReportVariables {

    /** {@code WEEKLY} or {@code MONTHLY}: which report the send step writes. */
    public static final String REPORT_KIND = "reportKind";
    /**
     * The first Shanghai day the report covers, {@code 2026-11-16} (a Monday, or the 1st of a month): fixed when the
     * timer fires, so a report retried later is still that period's.
     */
    public static final String REPORT_FROM = "reportFrom";
    /**
     * Whether the month before's analysis is to be sent now: today is a working day and it has not been mailed yet.
     * Read by {@code Gateway_AnalysisDue}; a boolean.
     */
    public static final String ANALYSIS_DUE = "analysisDue";

    private PeriodicReportVariables() {
    }
}
