package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.startOfCentreDay;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The star operators' figures of a month in one grouped query for H2 and MySQL 8 / MariaDB 10.11. Its rows are the
 * REGISTRATION and REVISIT steps of {@code case_deadline} finished in the month (through the index on
 * {@code finished_at}), each joined to its completed user task in the engine's history by the activity instance the
 * step was recorded for ({@code RecordDeadlineListener}), whose assignee is the operator. A revisit's result is the
 * {@code revisitResult} the operator submitted with that task, in the variable history ({@code ACT_HI_DETAIL}, kept
 * because the history level is full); the case file keeps only the last result. Definitions: README "Star operators".
 */
@Repository
@Transactional(readOnly = true)
class StarQueries {

    private static final String RESULT = """
            exists (select 1 from ACT_HI_DETAIL r where r.ACT_INST_ID_ = d.activity_instance_id
                    and r.NAME_ = 'revisitResult' and r.TEXT_ in (%s))""";

    private final JdbcClient jdbc;

    StarQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry per operator with a registration or revisit finished in the month, by operator id. */
    List<StarOperators.Figures> figures(YearMonth month) {
        return jdbc.sql("""
                select s.operator, sum(s.registered) as registered, sum(s.revisits) as revisits,
                  sum(s.on_time) as on_time, sum(s.reached) as reached, sum(s.satisfied) as satisfied,
                  sum(s.reopened) as reopened
                from (select t.ASSIGNEE_ as operator,
                        case when d.deadline = 'REGISTRATION' then 1 else 0 end as registered,
                        case when d.deadline = 'REVISIT' then 1 else 0 end as revisits,
                        case when d.finished_at <= d.due_at then 1 else 0 end as on_time,
                        case when d.deadline = 'REVISIT' and %s then 1 else 0 end as reached,
                        case when d.deadline = 'REVISIT' and %s then 1 else 0 end as satisfied,
                        case when d.deadline = 'REGISTRATION' and c.supervision_rounds > 0 then 1 else 0 end as reopened
                      from case_deadline d
                      join case_file c on c.case_number = d.case_number
                      join ACT_HI_TASKINST t on t.PROC_INST_ID_ = c.process_instance_id
                        and t.ACT_INST_ID_ = d.activity_instance_id
                      where d.finished_at >= :from and d.finished_at < :to
                        and d.deadline in ('REGISTRATION', 'REVISIT')
                        and t.DELETE_REASON_ = 'completed' and t.ASSIGNEE_ is not null) s
                group by s.operator
                order by s.operator""".formatted(
                        RESULT.formatted("'VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED'"),
                        RESULT.formatted("'VERY_SATISFIED', 'SATISFIED'")))
                .param("from", startOfCentreDay(month.atDay(1)))
                .param("to", startOfCentreDay(month.plusMonths(1).atDay(1)))
                .query((rs, row) -> new StarOperators.Figures(rs.getString("operator"), rs.getLong("registered"),
                        rs.getLong("revisits"), rs.getLong("on_time"), rs.getLong("reached"), rs.getLong("satisfied"),
                        rs.getLong("reopened")))
                .list();
    }
}
