package org.casedesk.deadline;

import static org.casedesk.casefile.UtcColumns.fromColumn;
import static org.casedesk.casefile.UtcColumns.toColumn;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casedesk.casefile.UtcColumns;
import org.casedesk.notification.Deadline;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline facts of each case in {@code case_deadline} and the overdue flag of {@code case_file}: written in
 * the engine's transaction as steps start, finish and miss their deadlines.
 */
@Service
@Transactional
public class DeadlineFacts {

    private final JdbcClient jdbc;

    public DeadlineFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A step the unit does is charged to the unit the case is with as it starts; the centre's own steps
     * (registration, telling a consumer the case is not accepted, the revisit) to no unit (README "Reports").
     *
     * @throws IllegalStateException when the case has no row in {@code case_file}: its step could not be reported
     */
    public void started(String activityInstanceId, String caseNumber, String deadline, Instant startedAt,
            Instant dueAt) {
        String unit = Deadline.of(deadline).performedByUnit() ? "handling_unit, handling_unit_name" : "null, null";
        int inserted = jdbc.sql("""
                insert into case_deadline (activity_instance_id, case_number, deadline, started_at, due_at,
                    handling_unit, handling_unit_name)
                select ?, case_number, ?, ?, ?, %s
                from case_file where case_number = ?""".formatted(unit))
                .params(activityInstanceId, deadline, toColumn(startedAt), toColumn(dueAt), caseNumber)
                .update();
        if (inserted != 1) {
            throw new IllegalStateException("No case file " + caseNumber + " for its " + deadline + " deadline");
        }
    }

    public void finished(String activityInstanceId, Instant finishedAt) {
        jdbc.sql("update case_deadline set finished_at = ? where activity_instance_id = ?")
                .params(toColumn(finishedAt), activityInstanceId)
                .update();
    }

    /**
     * The open step's deadline moved (a recount after a changed timer or holiday schedule, an extension).
     *
     * @return false when the case has no open step with that deadline stored
     */
    public boolean rescheduled(String caseNumber, String deadline, Instant dueAt) {
        return jdbc.sql("""
                update case_deadline set due_at = ? where case_number = ? and deadline = ? and finished_at is null""")
                .params(toColumn(dueAt), caseNumber, deadline)
                .update() > 0;
    }

    /** The step's open deadline passed: the deadline and the case are marked overdue. */
    public void overdue(String caseNumber, String deadline, Instant at) {
        int open = jdbc.sql("""
                update case_deadline set overdue_at = ?
                where case_number = ? and deadline = ? and finished_at is null and overdue_at is null""")
                .params(toColumn(at), caseNumber, deadline)
                .update();
        if (open == 0) {
            throw new IllegalStateException("Case " + caseNumber + " has no open " + deadline + " deadline");
        }
        jdbc.sql("update case_file set overdue = true where case_number = ?").param(caseNumber).update();
    }

    /** When the step's open deadline falls due, if the step is open. */
    @Transactional(readOnly = true)
    public Optional<Instant> openDueAt(String caseNumber, String deadline) {
        return jdbc.sql("""
                select due_at from case_deadline
                where case_number = ? and deadline = ? and finished_at is null
                order by started_at desc""")
                .params(caseNumber, deadline)
                .query(LocalDateTime.class).list().stream().findFirst().map(UtcColumns::fromColumn);
    }

    @Transactional(readOnly = true)
    public List<DeadlineFact> of(String caseNumber) {
        return jdbc.sql("""
                select deadline, started_at, due_at, finished_at, overdue_at from case_deadline
                where case_number = ? order by started_at, deadline""")
                .param(caseNumber)
                .query((rs, row) -> new DeadlineFact(rs.getString("deadline"), fromColumn(rs.getObject("started_at",
                        LocalDateTime.class)), fromColumn(rs.getObject("due_at", LocalDateTime.class)),
                        fromColumn(rs.getObject("finished_at", LocalDateTime.class)),
                        fromColumn(rs.getObject("overdue_at", LocalDateTime.class))))
                .list();
    }

    /**
     * When the open step of each of these cases falls due (the earliest, should several be open); cases without an
     * open step are left out. One query for all, for lists of cases.
     */
    @Transactional(readOnly = true)
    public Map<String, Instant> openDueAt(Collection<String> caseNumbers) {
        Map<String, Instant> dueAt = new HashMap<>();
        if (caseNumbers.isEmpty()) {
            return dueAt;
        }
        jdbc.sql("""
                select case_number, min(due_at) as due_at from case_deadline
                where case_number in (:caseNumbers) and finished_at is null
                group by case_number""")
                .param("caseNumbers", caseNumbers)
                .query((RowCallbackHandler) rs -> dueAt.put(rs.getString("case_number"),
                        fromColumn(rs.getObject("due_at", LocalDateTime.class))));
        return dueAt;
    }

    /** One deadline of a case, as stored. */
    public record DeadlineFact(String deadline, Instant startedAt, Instant dueAt, Instant finishedAt,
            Instant overdueAt) {
    }
}
