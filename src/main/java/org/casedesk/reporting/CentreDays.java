package org.casedesk.reporting;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;

import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code centre_day} (migration V11) in step with the working-day calendar: one row per Shanghai day from
 * 1 January of the first year with a holiday schedule to 31 December of next year, with the working days before
 * it. Written at start-up on every node; only missing or changed rows (a new holiday schedule) are written, and a
 * row another node inserted at the same moment is the same row.
 */
@Component
class CentreDays {

    private static final Logger log = LoggerFactory.getLogger(CentreDays.class);

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Range range;

    CentreDays(JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        int firstYear = calendar.yearsWithData().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The working-day calendar has no holiday schedule"));
        this.range = new Range(LocalDate.of(firstYear, 1, 1),
                LocalDate.of(Year.now(CentreTime.ZONE).getValue() + 1, 12, 31));
    }

    /** The days the reports can count in: a period outside them is refused. */
    record Range(LocalDate first, LocalDate last) {
        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /** Fixed when the node starts, as are the rows it writes; a node running into a new year extends both on restart. */
    Range range() {
        return range;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void fill() {
        Map<LocalDate, Integer> stored = new HashMap<>();
        jdbc.sql("select day_date, working_days_before from centre_day").query(rs -> {
            stored.put(rs.getObject("day_date", LocalDate.class), rs.getInt("working_days_before"));
        });
        int workingDaysBefore = 0;
        int written = 0;
        for (LocalDate day = range.first(); !day.isAfter(range.last()); day = day.plusDays(1)) {
            Integer before = stored.get(day);
            if (before == null) {
                insert(day, workingDaysBefore);
                written++;
            } else if (before != workingDaysBefore) {
                jdbc.sql("update centre_day set working_days_before = ? where day_date = ?")
                        .params(workingDaysBefore, day).update();
                written++;
            }
            if (calendar.isWorkingDay(day)) {
                workingDaysBefore++;
            }
        }
        log.info("Report calendar: {} to {}, {} days written", range.first(), range.last(), written);
    }

    private void insert(LocalDate day, int workingDaysBefore) {
        try {
            jdbc.sql("insert into centre_day (day_date, working_days_before) values (?, ?)")
                    .params(day, workingDaysBefore).update();
        } catch (DuplicateKeyException anotherNode) {
            // another node starting at the same moment wrote the day from the same calendar
        }
    }
}
