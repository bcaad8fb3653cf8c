package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.startOfCentreDay;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.casedesk.reporting.WatchListProperties.Topic;
import org.casedesk.registration.RegistrationLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watch-list (周有快报): complaints a week about each topic of {@link WatchListProperties}. One query per topic
 * counts them, grouped by week in the database: a case's week is the whole number of 7-day spans (10,080 minutes)
 * between the first Monday 00:00 Shanghai time and its receipt — Shanghai keeps no summer time, so every week is
 * that long. A complaint may belong to several topics, and counts once in each.
 */
@Service
@Transactional(readOnly = true)
class WatchList {

    private static final int MINUTES_A_WEEK = 7 * 24 * 60;

    /** @param complaints one count per week of the report, in order */
    record TopicCounts(String topic, List<Long> complaints, long total) {
    }

    /** @param weeks the Monday of each week, {@code from} to {@code to} */
    record Report(LocalDate from, LocalDate to, List<LocalDate> weeks, List<TopicCounts> topics) {
    }

    private final JdbcClient jdbc;
    private final List<Topic> topics;

    WatchList(JdbcClient jdbc, WatchListProperties properties, RegistrationLists lists) {
        this.jdbc = jdbc;
        this.topics = properties.topics();
        for (Topic topic : topics) {
            for (String category : topic.categories()) {
                if (!lists.isCategory(category)) {
                    throw new IllegalArgumentException("Topic " + topic.name() + " of casedesk.reporting.watch-list"
                            + " names " + category + ", which is not in registration/categories.csv");
                }
            }
        }
    }

    /**
     * @param from the Monday of the first week
     * @param to the Sunday that ends the last week, inclusive
     */
    Report of(LocalDate from, LocalDate to) {
        TrendPeriods.requireMonday("from", from);
        LocalDate end = to.plusDays(1);
        long days = ChronoUnit.DAYS.between(from, end);
        if (days <= 0 || days % 7 != 0) {
            throw new IllegalArgumentException("to：" + to + " 应为 " + from + " 当周或之后的星期日");
        }
        List<LocalDate> weeks = from.datesUntil(end, Period.ofWeeks(1)).toList();
        List<TopicCounts> counts = new ArrayList<>();
        for (Topic topic : topics) {
            List<Long> perWeek = new ArrayList<>(Collections.nCopies(weeks.size(), 0L));
            countByWeek(topic, from, end).forEach(row -> perWeek.set(row.week(), row.complaints()));
            counts.add(new TopicCounts(topic.name(), perWeek, perWeek.stream().mapToLong(Long::longValue).sum()));
        }
        return new Report(from, to, weeks, counts);
    }

    private record WeekCount(int week, long complaints) {
    }

    private List<WeekCount> countByWeek(Topic topic, LocalDate from, LocalDate end) {
        List<String> matches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(startOfCentreDay(from));
        if (!topic.categories().isEmpty()) {
            matches.add("category in (" + String.join(", ", Collections.nCopies(topic.categories().size(), "?")) + ")");
            params.addAll(topic.categories());
        }
        for (String keyword : topic.keywords()) {
            matches.add("description like ? or respondent_name like ?");
            params.add("%" + keyword + "%");
            params.add("%" + keyword + "%");
        }
        params.add(startOfCentreDay(from));
        params.add(startOfCentreDay(end));
        // the week is computed in a derived table, so that GROUP BY names a column rather than repeating a parameter
        return jdbc.sql("select week, count(*) as complaints from ("
                + "select floor(timestampdiff(MINUTE, ?, received_at) / " + MINUTES_A_WEEK + ") as week"
                + " from case_file where " + TrendPeriods.COMPLAINTS + " and (" + String.join(" or ", matches) + ")"
                + " and received_at >= ? and received_at < ?) topic_case group by week")
                .params(params)
                .query((rs, row) -> new WeekCount(rs.getInt("week"), rs.getLong("complaints")))
                .list();
    }
}
