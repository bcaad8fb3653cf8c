package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.startOfCentreDay;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases received per Shanghai day, for the volume trend of the bulletin and the analysis: one grouped query over
 * {@code case_file}, reading the period's rows through the index on {@code received_at}. Counts every case
 * received, as the KPIs' 受理量 does.
 */
@Repository
@Transactional(readOnly = true)
class ReceivedPerDay {

    private final JdbcClient jdbc;

    ReceivedPerDay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every day from {@code from} to {@code to}, both included, in order; 0 for a day without cases. */
    Map<LocalDate, Long> count(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        from.datesUntil(to.plusDays(1)).forEach(day -> perDay.put(day, 0L));
        // the day is computed in a derived table, so that GROUP BY names a column
        jdbc.sql("""
                select received_day, count(*) as received
                from (select %s as received_day
                      from case_file where received_at >= :from and received_at < :to) received_case
                group by received_day""".formatted(KpiQueries.shanghaiDate("received_at")))
                .param("from", startOfCentreDay(from))
                .param("to", startOfCentreDay(to.plusDays(1)))
                .query(rs -> {
                    perDay.put(rs.getObject("received_day", LocalDate.class), rs.getLong("received"));
                });
        return perDay;
    }
}
