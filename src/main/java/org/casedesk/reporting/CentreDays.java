package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.toColumn;

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

    CentreDays(JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** The days the reports can count in: a period outside them is refused. */
    record Range(LocalDate first, LocalDate last) {
        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    Range range() {
        int firstYear = calendar.yearsWithData().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The working-day calendar has no holiday schedule"));
        return new Range(LocalDate.of(firstYear, 1, 1), LocalDate.of(Year.now(CentreTime.ZONE).getValue() + 1, 12, 31));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void fill() {
        Map<LocalDate, Day> stored = new HashMap<>();
        jdbc.sql("select day_date, working_day, working_days_before from centre_day").query(rs -> {
            stored.put(rs.getObject("day_date", LocalDate.class),
                    new Day(rs.getBoolean("working_day"), rs.getInt("working_days_before")));
        });
        Range range = range();
        int workingDaysBefore = 0;
        int written = 0;
        for (LocalDate date = range.first(); !date.isAfter(range.last()); date = date.plusDays(1)) {
            Day day = new Day(calendar.isWorkingDay(date), workingDaysBefore);
            if (!day.equals(stored.get(date))) {
                write(date, day, stored.containsKey(date));
                written++;
            }
            if (day.working()) {
                workingDaysBefore++;
            }
        }
        log.info("Report calendar: {} to {}, {} days written", range.first(), range.last(), written);
    }

    private record Day(boolean working, int workingDaysBefore) {
    }

    private void write(LocalDate date, Day day, boolean exists) {
        if (exists) {
            jdbc.sql("update centre_day set working_day = ?, working_days_before = ? where day_date = ?")
                    .params(day.working(), day.workingDaysBefore(), date).update();
            return;
        }
        try {
            jdbc.sql("""
                    insert into centre_day (day_date, starts_at, ends_at, working_day, working_days_before)
                    values (?, ?, ?, ?, ?)""")
                    .params(date, toColumn(date.atStartOfDay(CentreTime.ZONE).toInstant()),
                            toColumn(date.plusDays(1).atStartOfDay(CentreTime.ZONE).toInstant()), day.working(),
                            day.workingDaysBefore())
                    .update();
        } catch (DuplicateKeyException anotherNode) {
            // another node starting at the same moment wrote the day from the same calendar
        }
    }
}
