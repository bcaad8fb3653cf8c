package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.startOfCentreDay;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.casedesk.casefile.CentreTime;
import org.casedesk.notification.Deadline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs of a period as grouped queries that run on H2 and MySQL 8 / MariaDB 10.11, each reading only the rows
 * of the period through an index on the time it filters by: the case counts over {@code case_file} (one part per
 * event: received, registered, forwarded, closed), the steps finished in the period over {@code case_deadline} (one
 * range of its covering index, migration V15) counted per group, deadline and working days taken, the percentiles
 * picked from those counts by a running sum, and the steps that became overdue. The period is Shanghai days, turned
 * into UTC instants here; working days come from {@code centre_day}. Definitions: README "Reports".
 */
@Repository
@Transactional(readOnly = true)
class KpiQueries {

    /**
     * One part per event, each adding 1 to the figures the event counts for; %1$s is the group, %4$s the unit's name
     * (null unless by unit).
     */
    private static final String CASE_EVENTS = """
            select %1$s as grp, %4$s as unit_name, 1 as received, 0 as registered,
              0 as not_accepted, 0 as not_accepted_by_unit, 0 as forwarded, 0 as concluded,
              case when %2$s = %3$s and c.closure <> 'MERGED' then 1 else 0 end as instant, 0 as revisited,
              0 as satisfied, case when c.repeat_call = true then 1 else 0 end as repeat_calls, 0 as dissatisfied
            from case_file c where c.received_at >= :from and c.received_at < :to
            union all
            select %1$s, %4$s, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0
            from case_file c where c.registered_at >= :from and c.registered_at < :to
            union all
            select %1$s, %4$s, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
            from case_file c where c.forwarded_at >= :from and c.forwarded_at < :to
            union all
            select %1$s, %4$s, 0, 0,
              case when c.closure in ('NOT_ACCEPTED', 'REJECTED_BY_UNIT') then 1 else 0 end,
              case when c.closure = 'REJECTED_BY_UNIT' then 1 else 0 end, 0, 1, 0,
              case when c.satisfaction in ('VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED') then 1 else 0 end,
              case when c.satisfaction in ('VERY_SATISFIED', 'SATISFIED') then 1 else 0 end, 0,
              case when c.supervision_rounds > 0 or c.satisfaction = 'DISSATISFIED' then 1 else 0 end
            from case_file c where c.closed_at >= :from and c.closed_at < :to""";

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
        LocalDateTime start = startOfCentreDay(from);
        LocalDateTime end = startOfCentreDay(to.plusDays(1));
        Map<String, GroupSteps> steps = steps(start, end, by);
        // a group with a step in the period but no case event (an older case's step overdue) is listed too
        Map<String, Kpis.Group> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        steps.forEach((key, group) -> groups.put(key, Kpis.Group.empty(key, group.unitName(), group.steps())));
        jdbc.sql("""
                select e.grp, max(e.unit_name) as name, sum(e.received) as received, sum(e.registered) as registered,
                  sum(e.not_accepted) as not_accepted, sum(e.not_accepted_by_unit) as not_accepted_by_unit,
                  sum(e.forwarded) as forwarded, sum(e.concluded) as concluded, sum(e.instant) as instant,
                  sum(e.revisited) as revisited, sum(e.satisfied) as satisfied, sum(e.repeat_calls) as repeat_calls,
                  sum(e.dissatisfied) as dissatisfied
                from (%s) e
                group by e.grp""".formatted(CASE_EVENTS.formatted(by.caseSql, shanghaiDate("c.closed_at"),
                        shanghaiDate("c.received_at"), unitName(by, "c"))))
                .param("from", start).param("to", end)
                .query(rs -> {
                    String key = rs.getString("grp");
                    GroupSteps groupSteps = steps.getOrDefault(key, new GroupSteps(null, noSteps()));
                    String name = rs.getString("name");
                    long received = rs.getLong("received");
                    long instant = rs.getLong("instant");
                    long revisited = rs.getLong("revisited");
                    long satisfied = rs.getLong("satisfied");
                    groups.put(key, new Kpis.Group(key, name != null ? name : groupSteps.unitName(), received,
                            rs.getLong("registered"), rs.getLong("not_accepted"), rs.getLong("not_accepted_by_unit"),
                            rs.getLong("forwarded"), rs.getLong("concluded"), instant, Kpis.rate(instant, received),
                            revisited, satisfied, Kpis.rate(satisfied, revisited), rs.getLong("repeat_calls"),
                            rs.getLong("dissatisfied"), groupSteps.steps()));
                });
        return new Kpis(from, to, by.name().toLowerCase(Locale.ROOT), List.copyOf(groups.values()));
    }

    /** A group's steps, every deadline in the order of {@link Deadline}, and its unit's name as the steps have it. */
    private record GroupSteps(String unitName, List<Kpis.Step> steps) {
    }

    /** Per group, every deadline step, with zeros where a group had none. */
    private Map<String, GroupSteps> steps(LocalDateTime start, LocalDateTime end, Grouping by) {
        Map<String, Map<String, Kpis.Step>> found = new HashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        // d: the steps counted per group, deadline, start day and end day, so that the working days are looked up
        // once per pair of days rather than per step (half the time for a month of 300,000 steps); h: counted per
        // group, deadline and working days taken, so the running sum over days gives each day's rank; nearest rank:
        // the median is the first day whose running sum reaches n/2, the 90th percentile the first to reach 9n/10
        // (the values at ranks ceil(n/2) and ceil(9n/10) of the n sorted)
        jdbc.sql("""
                select r.grp, r.deadline, max(r.unit_name) as unit_name, sum(r.steps) as finished,
                  sum(r.on_time) as on_time,
                  min(case when r.running * 2 >= r.n then r.days end) as median,
                  min(case when r.running * 10 >= r.n * 9 then r.days end) as p90
                from (select h.grp, h.deadline, h.unit_name, h.days, h.steps, h.on_time,
                        sum(h.steps) over (partition by h.grp, h.deadline order by h.days) as running,
                        sum(h.steps) over (partition by h.grp, h.deadline) as n
                      from (select d.grp, d.deadline, max(d.unit_name) as unit_name,
                              e.working_days_before - b.working_days_before as days, sum(d.steps) as steps,
                              sum(d.on_time) as on_time
                            from (select s.grp, s.deadline, max(s.unit_name) as unit_name, s.started_on,
                                    s.finished_on, count(*) as steps, sum(s.on_time) as on_time
                                  from (select %s as grp, t.deadline, %s as unit_name, %s as started_on,
                                          %s as finished_on,
                                          case when t.finished_at <= t.due_at then 1 else 0 end as on_time
                                        from case_deadline t
                                        where t.finished_at >= :from and t.finished_at < :to) s
                                  group by s.grp, s.deadline, s.started_on, s.finished_on) d
                            join centre_day b on b.day_date = d.started_on
                            join centre_day e on e.day_date = d.finished_on
                            group by d.grp, d.deadline, e.working_days_before - b.working_days_before) h) r
                group by r.grp, r.deadline""".formatted(by.stepSql, unitName(by, "t"), shanghaiDate("t.started_at"),
                        shanghaiDate("t.finished_at")))
                .param("from", start).param("to", end)
                .query(rs -> {
                    Deadline deadline = Deadline.of(rs.getString("deadline"));
                    String key = rs.getString("grp");
                    long finished = rs.getLong("finished");
                    long onTime = rs.getLong("on_time");
                    found.computeIfAbsent(key, unused -> new HashMap<>()).put(deadline.name(),
                            new Kpis.Step(deadline.name(), deadline.displayName(), finished, onTime,
                                    Kpis.rate(onTime, finished), 0, rs.getInt("median"), rs.getInt("p90")));
                    rememberUnitName(unitNames, key, rs.getString("unit_name"));
                });
        jdbc.sql("""
                select o.grp, o.deadline, max(o.unit_name) as unit_name, count(*) as overdue
                from (select %s as grp, t.deadline, %s as unit_name
                      from case_deadline t
                      where t.overdue_at >= :from and t.overdue_at < :to) o
                group by o.grp, o.deadline""".formatted(by.stepSql, unitName(by, "t")))
                .param("from", start).param("to", end)
                .query(rs -> {
                    Deadline deadline = Deadline.of(rs.getString("deadline"));
                    String key = rs.getString("grp");
                    long overdue = rs.getLong("overdue");
                    found.computeIfAbsent(key, unused -> new HashMap<>()).merge(deadline.name(),
                            none(deadline).withOverdue(overdue), (step, unused) -> step.withOverdue(overdue));
                    rememberUnitName(unitNames, key, rs.getString("unit_name"));
                });
        Map<String, GroupSteps> steps = new HashMap<>();
        found.forEach((key, byDeadline) -> steps.put(key, new GroupSteps(unitNames.get(key),
                Arrays.stream(Deadline.values())
                        .map(deadline -> byDeadline.getOrDefault(deadline.name(), none(deadline))).toList())));
        return steps;
    }

    /** The unit's name column of {@code case_file} or {@code case_deadline} by unit; no other grouping names a group. */
    private static String unitName(Grouping by, String table) {
        return by == Grouping.UNIT ? table + ".handling_unit_name" : "null";
    }

    private static void rememberUnitName(Map<String, String> unitNames, String key, String name) {
        if (name != null) {
            unitNames.putIfAbsent(key, name);
        }
    }

    /**
     * The Shanghai date of a UTC {@code datetime} column, in SQL that H2 and MySQL share: Shanghai keeps UTC+8 all
     * year ({@link CentreTime#ZONE} has had no daylight saving since 1991), so no time-zone table is needed.
     */
    static String shanghaiDate(String column) {
        return "cast(timestampadd(hour, 8, " + column + ") as date)";
    }

    /** Every deadline step with nothing counted, for a group (or a period) without steps. */
    static List<Kpis.Step> noSteps() {
        return Arrays.stream(Deadline.values()).map(KpiQueries::none).toList();
    }

    private static Kpis.Step none(Deadline deadline) {
        return new Kpis.Step(deadline.name(), deadline.displayName(), 0, 0, null, 0, null, null);
    }
}
