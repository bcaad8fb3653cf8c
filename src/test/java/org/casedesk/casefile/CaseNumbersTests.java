package org.casedesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Case numbers on a real (H2) case table: readable, per Shanghai day, unique under concurrent intake. */
class CaseNumbersTests {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:case-numbers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final CaseNumbers caseNumbers;

    CaseNumbersTests() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        caseNumbers = new CaseNumbers(JdbcClient.create(dataSource));
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

    @Test
    void concurrentIntakeTransactionsNeverShareANumber() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Instant now = Instant.parse("2026-11-28T02:00:00Z");
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService intake = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            workers.add(intake.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    numbers.add(transaction.execute(status -> caseNumbers.next(now)));
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        intake.shutdown();

        assertThat(numbers).hasSize(200).contains("SH20261128000001", "SH20261128000200");
    }
}
