package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.toColumn;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.casedesk.casefile.CentreTime;
import org.casedesk.notification.Deadline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs of a period as three grouped queries that run on H2 and MySQL 8 / MariaDB 10.11: the case counts over
 * {@code case_file}, the deadline steps over {@code case_deadline}, and their working days with the percentiles
 * picked by {@code ROW_NUMBER()}. The period is Shanghai days, turned into UTC instants here; "which day" and
 * working days come from {@code centre_day}. Definitions: README "Reports".
 */
@Repository
@Transactional(readOnly = true)
class KpiQueries {

    /** Cases received before the period ends and not closed before it starts: every case something happened to. */
    private static final String CASES_IN_PERIOD = """
            select c.*, %s as grp from case_file c
            where c.received_at < :to and (c.closed_at is null or c.closed_at >= :from)""";

    private final JdbcClient jdbc;
    private final CentreDays centreDays;

    KpiQueries(JdbcClient jdbc, CentreDays centreDays) {
        this.jdbc = jdbc;
        this.centreDays = centreDays;
    }

    Kpis kpis(LocalDate from, LocalDate to, Grouping by) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
        }
        CentreDays.Range range = centreDays.range();
        if (!range.contains(from) || !range.contains(to)) {
            throw new IllegalArgumentException("Reports cover " + range.first() + " to " + range.last()
                    + ", the years of the working-day calendar");
        }
        LocalDateTime start = toColumn(from.atStartOfDay(CentreTime.ZONE).toInstant());
        LocalDateTime end = toColumn(to.plusDays(1).atStartOfDay(CentreTime.ZONE).toInstant());
        Map<String, List<Kpis.Step>> steps = steps(start, end, by);
        List<Kpis.Group> groups = jdbc.sql("""
                select g.grp, %s as name,
                  sum(case when g.received_at >= :from then 1 else 0 end) as received,
                  sum(case when g.registered_at >= :from and g.registered_at < :to then 1 else 0 end) as registered,
                  sum(case when g.closure = 'NOT_ACCEPTED' and g.closed_at < :to then 1 else 0 end) as not_accepted,
                  sum(case when g.forwarded_at >= :from and g.forwarded_at < :to then 1 else 0 end) as forwarded,
                  sum(case when g.closed_at < :to then 1 else 0 end) as concluded,
                  sum(case when g.received_at >= :from and g.closed_at < d.ends_at then 1 else 0 end) as instant,
                  sum(case when g.closed_at < :to
                        and g.satisfaction in ('VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED')
                        then 1 else 0 end) as revisited,
                  sum(case when g.closed_at < :to and g.satisfaction in ('VERY_SATISFIED', 'SATISFIED')
                        then 1 else 0 end) as satisfied,
                  sum(case when g.received_at >= :from and g.repeat_call = true then 1 else 0 end) as repeat_calls,
                  sum(case when g.closed_at < :to and (g.supervision_rounds > 0 or g.satisfaction = 'DISSATISFIED')
                        then 1 else 0 end) as dissatisfied
                from (%s) g
                left join centre_day d on g.received_at >= d.starts_at and g.received_at < d.ends_at
                group by g.grp
                order by g.grp""".formatted(by == Grouping.UNIT ? "max(g.handling_unit_name)" : "null",
                        CASES_IN_PERIOD.formatted(by.sql)))
                .param("from", start).param("to", end)
                .query((rs, row) -> {
                    String key = rs.getString("grp");
                    long received = rs.getLong("received");
                    long instant = rs.getLong("instant");
                    long revisited = rs.getLong("revisited");
                    long satisfied = rs.getLong("satisfied");
                    return new Kpis.Group(key, rs.getString("name"), received, rs.getLong("registered"),
                            rs.getLong("not_accepted"), rs.getLong("forwarded"), rs.getLong("concluded"), instant,
                            Kpis.rate(instant, received), revisited, satisfied, Kpis.rate(satisfied, revisited),
                            rs.getLong("repeat_calls"), rs.getLong("dissatisfied"),
                            steps.getOrDefault(key, noSteps()));
                })
                .list();
        return new Kpis(from, to, by.name().toLowerCase(Locale.ROOT), groups);
    }

    /** Per group, every deadline step in the order of {@link Deadline}, with zeros where a group had none. */
    private Map<String, List<Kpis.Step>> steps(LocalDateTime start, LocalDateTime end, Grouping by) {
        Map<String, Map<String, Kpis.Step>> found = new HashMap<>();
        jdbc.sql("""
                select s.grp, s.deadline,
                  sum(case when s.finished_at >= :from and s.finished_at < :to then 1 else 0 end) as finished,
                  sum(case when s.finished_at >= :from and s.finished_at < :to and s.finished_at <= s.due_at
                        then 1 else 0 end) as on_time,
                  sum(case when s.overdue_at >= :from and s.overdue_at < :to then 1 else 0 end) as overdue
                from (select t.deadline, t.due_at, t.finished_at, t.overdue_at, %s as grp
                      from case_deadline t join case_file c on c.case_number = t.case_number
                      where (t.finished_at >= :from and t.finished_at < :to)
                         or (t.overdue_at >= :from and t.overdue_at < :to)) s
                group by s.grp, s.deadline""".formatted(by.sql))
                .param("from", start).param("to", end)
                .query(rs -> {
                    Deadline deadline = Deadline.of(rs.getString("deadline"));
                    long finished = rs.getLong("finished");
                    long onTime = rs.getLong("on_time");
                    found.computeIfAbsent(rs.getString("grp"), key -> new HashMap<>()).put(deadline.name(),
                            new Kpis.Step(deadline.name(), deadline.displayName(), finished, onTime,
                                    Kpis.rate(onTime, finished), rs.getLong("overdue"), null, null));
                });
        // nearest rank: the median is the value at rank ceil(n/2), the 90th percentile at rank ceil(9n/10)
        jdbc.sql("""
                select r.grp, r.deadline,
                  min(case when r.rn * 2 >= r.n then r.days end) as median,
                  min(case when r.rn * 10 >= r.n * 9 then r.days end) as p90
                from (select s.grp, s.deadline, s.days,
                        row_number() over (partition by s.grp, s.deadline order by s.days) as rn,
                        count(*) over (partition by s.grp, s.deadline) as n
                      from (select %s as grp, t.deadline, e.working_days_before - b.working_days_before as days
                            from case_deadline t join case_file c on c.case_number = t.case_number
                            join centre_day b on t.started_at >= b.starts_at and t.started_at < b.ends_at
                            join centre_day e on t.finished_at >= e.starts_at and t.finished_at < e.ends_at
                            where t.finished_at >= :from and t.finished_at < :to) s) r
                group by r.grp, r.deadline""".formatted(by.sql))
                .param("from", start).param("to", end)
                .query(rs -> {
                    int median = rs.getInt("median");
                    int p90 = rs.getInt("p90");
                    found.get(rs.getString("grp")).computeIfPresent(rs.getString("deadline"),
                            (deadline, step) -> step.withWorkingDays(median, p90));
                });
        Map<String, List<Kpis.Step>> steps = new HashMap<>();
        found.forEach((grp, byDeadline) -> steps.put(grp, Arrays.stream(Deadline.values())
                .map(deadline -> byDeadline.getOrDefault(deadline.name(), none(deadline))).toList()));
        return steps;
    }

    private static List<Kpis.Step> noSteps() {
        return Arrays.stream(Deadline.values()).map(KpiQueries::none).toList();
    }

    private static Kpis.Step none(Deadline deadline) {
        return new Kpis.Step(deadline.name(), deadline.displayName(), 0, 0, null, 0, null, null);
    }
}
