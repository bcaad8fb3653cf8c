package org.casedesk.casefile;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates case numbers such as {@code SH20261128000042}: "SH", the day of receipt in Shanghai, and
 * that day's running number. The counter is a database row, not memory, so several app nodes never
 * hand out the same number; it is taken in the caller's transaction, so a rolled-back intake leaves no gap.
 * <p>
 * A day's row is created in a short transaction of its own. Were it inserted inside the intake transaction,
 * intakes racing on a new day would hold shared locks from the duplicate-key check and deadlock on MySQL
 * when they then update the row (seen with two nodes at midnight).
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(CentreTime.ZONE);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(Instant receivedAt) {
        String day = DAY.format(receivedAt);
        if (increment(day) == 0) {
            startDay(day);
            increment(day);
        }
        int value = jdbc.sql("select last_number from case_number_sequence where received_day = ?")
                .param(day).query(Integer.class).single();
        return format(day, value);
    }

    private void startDay(String day) {
        ownTransaction.executeWithoutResult(status -> {
            try {
                jdbc.sql("insert into case_number_sequence (received_day, last_number) values (?, 0)").param(day).update();
            } catch (DuplicateKeyException anotherIntakeStartedTheDay) {
                // the row is there, which is all this step needs
            }
        });
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
