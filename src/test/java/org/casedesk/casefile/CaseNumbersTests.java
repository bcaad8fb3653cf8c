package org.casedesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Case numbers on a real case table (H2, or MySQL in the -Pmysql run): readable, per Shanghai day, unique under concurrent intake. */
class CaseNumbersTests {

    private final DataSource dataSource = TestDatabase.freshCaseTables("case-numbers");
    private final CaseNumbers caseNumbers;

    CaseNumbersTests() {
        caseNumbers = new CaseNumbers(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    }

    @Test
    void firstCasesOfADayAreNumberedOneTwoThree() {
        Instant morning = Instant.parse("2026-11-28T01:00:00Z");

        assertThat(List.of(caseNumbers.next(morning), caseNumbers.next(morning), caseNumbers.next(morning)))
                .containsExactly("SH20261128000001", "SH20261128000002", "SH20261128000003");
    }

    @Test
    void aCaseReceivedLateInTheUtcEveningBelongsToTheNextShanghaiDay() {
        assertThat(caseNumbers.next(Instant.parse("2026-11-28T23:30:00Z"))).isEqualTo("SH20261129000001");
    }

    @Test
    void eachDayStartsItsOwnCount() {
        caseNumbers.next(Instant.parse("2026-11-27T02:00:00Z"));
        caseNumbers.next(Instant.parse("2026-11-27T03:00:00Z"));

        assertThat(caseNumbers.next(Instant.parse("2026-11-28T02:00:00Z"))).isEqualTo("SH20261128000001");
    }

    /** Four intakes race on each new day and hold their transaction open a while, as a real intake does. */
    @Test
    void concurrentIntakeTransactionsNeverShareANumberNorDeadlockOnANewDay() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Instant firstDay = Instant.parse("2026-11-28T02:00:00Z");
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        CyclicBarrier newDay = new CyclicBarrier(4);
        ExecutorService intake = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            workers.add(intake.submit(() -> {
                for (int day = 0; day < 10; day++) {
                    newDay.await(30, TimeUnit.SECONDS);
                    Instant receivedAt = firstDay.plus(Duration.ofDays(day));
                    numbers.add(transaction.execute(status -> {
                        String number = caseNumbers.next(receivedAt);
                        pause();
                        return number;
                    }));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        intake.shutdown();

        assertThat(numbers).hasSize(40).contains("SH20261128000001", "SH20261128000004", "SH20261207000004");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
