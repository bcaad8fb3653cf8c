package org.casedesk.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.casedesk.casefile.CentreTime;

/**
 * What the trend reports (hotspots, watch-list, consumer-environment index) count, and on which day. A complaint
 * is a registered case of type {@code COMPLAINT}, or {@code COMPLAINT_AND_REPORT} (registration splits an accepted
 * one into a COMPLAINT and a linked REPORT, so only one not accepted keeps that type), that was not merged into
 * another case as a repeat call: that complaint is counted once, in the case it joined. Cases not yet registered
 * have no type and do not count. A case's day is the Shanghai day of {@code case_file.received_at}, and weeks run
 * Monday to Sunday; the engine's clock says what "now" is, so tests can move it.
 */
final class TrendPeriods {

    /** The SQL condition on {@code case_file} that makes a row a complaint, as above. */
    static final String COMPLAINTS = "case_type in ('COMPLAINT', 'COMPLAINT_AND_REPORT') and merged_into is null";

    private TrendPeriods() {
    }

    /** The Monday of the last week that has ended. */
    static LocalDate lastCompleteWeek() {
        return ReportPeriod.weekBefore(CentreTime.today()).from();
    }

    /** @throws ReportParameterException naming the parameter when the day is not a Monday */
    static LocalDate requireMonday(String parameter, LocalDate day) {
        if (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new ReportParameterException(parameter, day + " 不是星期一，周从星期一算起");
        }
        return day;
    }
}
