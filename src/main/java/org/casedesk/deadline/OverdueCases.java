package org.casedesk.deadline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casedesk.casefile.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open overdue deadlines, by the handling unit each step is charged to ({@code case_deadline.handling_unit}, as the
 * KPIs charge it): those {@link DeadlineFacts} marked overdue whose step has not finished yet, read from
 * {@code case_deadline} for the daily overdue bulletin (通报) of
 * {@code processes/overdue-bulletin.bpmn}. Read only; plain SQL that runs on H2 and MySQL 8.
 */
@Component
public class OverdueCases {

    /**
     * Where the steps charged to no unit are listed: those of the centre's own operators (registration, telling a
     * consumer a case is not accepted, the revisit), see {@code Deadline.performedByUnit}.
     */
    public static final String CENTRE = "本中心";

    private final JdbcClient jdbc;

    public OverdueCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The units with open overdue deadlines in the order of their codes, the centre's own steps last; each unit's
     * deadlines by due date, the longest overdue first.
     */
    public List<Unit> byUnit() {
        List<Row> rows = jdbc.sql("""
                select d.case_number, d.deadline, d.due_at, d.overdue_at, d.handling_unit, d.handling_unit_name
                from case_deadline d
                where d.finished_at is null and d.overdue_at is not null
                order by d.due_at, d.case_number, d.deadline""")
                .query((rs, row) -> new Row(blankToNull(rs.getString("handling_unit")),
                        blankToNull(rs.getString("handling_unit_name")),
                        new OverdueDeadline(rs.getString("case_number"), rs.getString("deadline"),
                                UtcColumns.fromColumn(rs.getObject("due_at", LocalDateTime.class)),
                                UtcColumns.fromColumn(rs.getObject("overdue_at", LocalDateTime.class)))))
                .list();
        Map<String, Unit> units = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Row row : rows) {
            units.computeIfAbsent(row.unitCode(), code -> new Unit(code, name(code, row.unitName()), new ArrayList<>()))
                    .deadlines().add(row.deadline());
        }
        return units.values().stream().map(unit -> new Unit(unit.code(), unit.name(), List.copyOf(unit.deadlines())))
                .toList();
    }

    /**
     * A handling unit and its open overdue deadlines.
     *
     * @param code the unit's code, e.g. {@code 310101}; null for the centre's own steps
     * @param name the unit's name, {@link #CENTRE} for the centre's own steps
     */
    public record Unit(String code, String name, List<OverdueDeadline> deadlines) {

        /** How many cases: a case with two overdue steps counts once. */
        public long caseCount() {
            return deadlines.stream().map(OverdueDeadline::caseNumber).distinct().count();
        }
    }

    /**
     * One open overdue deadline of a case.
     *
     * @param deadline the deadline's key, e.g. {@code ACCEPTANCE} (see {@link DeadlineTimers})
     * @param overdueSince when the deadline timer marked it overdue
     */
    public record OverdueDeadline(String caseNumber, String deadline, Instant dueAt, Instant overdueSince) {
    }

    private record Row(String unitCode, String unitName, OverdueDeadline deadline) {
    }

    private static String name(String code, String name) {
        if (code == null) {
            return CENTRE;
        }
        return name == null ? code : name;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
