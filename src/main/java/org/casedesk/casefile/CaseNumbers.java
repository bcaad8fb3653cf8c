package org.casedesk.casefile;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Allocates case numbers such as {@code SH20261128000042}: "SH", the day of receipt in Shanghai, and
 * that day's running number. The counter is a database row, not memory, so several app nodes never
 * hand out the same number; it is taken in the caller's transaction, so a rolled-back intake leaves no gap.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(CentreTime.ZONE);

    private final JdbcClient jdbc;

    public CaseNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next(Instant receivedAt) {
        String day = DAY.format(receivedAt);
        if (increment(day) == 0) {
            try {
                jdbc.sql("insert into case_number_sequence (received_day, last_number) values (?, 1)").param(day).update();
                return format(day, 1);
            } catch (DuplicateKeyException anotherNodeStartedTheDay) {
                increment(day);
            }
        }
        int value = jdbc.sql("select last_number from case_number_sequence where received_day = ?")
                .param(day).query(Integer.class).single();
        return format(day, value);
    }

    private int increment(String day) {
        return jdbc.sql("update case_number_sequence set last_number = last_number + 1 where received_day = ?")
                .param(day).update();
    }

    private static String format(String day, int value) {
        if (value > 999_999) {
            throw new IllegalStateException("More than 999999 cases on " + day + ": the case number format is exhausted");
        }
        return "SH%s%06d".formatted(day, value);
    }
}
