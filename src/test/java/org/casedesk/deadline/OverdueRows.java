package org.casedesk.deadline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.casedesk.casefile.UtcColumns;
import org.casedesk.notification.Deadline;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test rows of {@code case_file} and {@code case_deadline} for what reads overdue cases: the query and the bulletin. */
public class OverdueRows {

    private final JdbcClient jdbc;

    public OverdueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void caseFile(String caseNumber, String unitCode, String unitName) {
        jdbc.sql("""
                insert into case_file (case_number, channel, status, handling_unit, handling_unit_name, received_at)
                values (?, 'PHONE', 'WITH_UNIT', ?, ?, ?)""")
                .params(caseNumber, unitCode, unitName, LocalDateTime.of(2026, 11, 18, 1, 30))
                .update();
    }

    /**
     * A step of a case made with {@link #caseFile}, charged as {@link DeadlineFacts} charges it: to the case's unit
     * when a unit does the step. Instants as ISO text; null for a step not overdue or not finished.
     */
    public void deadline(String caseNumber, String deadline, String dueAt, String overdueAt, String finishedAt) {
        // a deadline this version does not know is a unit's
        boolean byUnit = Arrays.stream(Deadline.values()).filter(known -> known.name().equals(deadline))
                .allMatch(Deadline::performedByUnit);
        String unit = byUnit ? "handling_unit, handling_unit_name" : "null, null";
        jdbc.sql("""
                insert into case_deadline (activity_instance_id, case_number, deadline, started_at, due_at,
                    overdue_at, finished_at, handling_unit, handling_unit_name)
                select ?, case_number, ?, ?, ?, ?, ?, %s
                from case_file where case_number = ?""".formatted(unit))
                .params(caseNumber + ":" + deadline, deadline, LocalDateTime.of(2026, 11, 18, 2, 0),
                        utc(dueAt), utc(overdueAt), utc(finishedAt), caseNumber)
                .update();
    }

    private static LocalDateTime utc(String instant) {
        return instant == null ? null : UtcColumns.toColumn(Instant.parse(instant));
    }
}
