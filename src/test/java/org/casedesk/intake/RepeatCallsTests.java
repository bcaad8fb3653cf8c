package org.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.casedesk.TestDatabase;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CaseNumbers;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.Closure;
import org.casedesk.casefile.NewCase;
import org.casedesk.casefile.Respondent;
import org.casedesk.casefile.UtcColumns;
import org.casedesk.intake.RepeatCalls.LinkedCase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The repeat-caller rule (市民重复来电) against the case table, without an engine: who is linked, and who is not. */
class RepeatCallsTests {

    /** Thursday 2026-11-26, 10:00 in Shanghai. */
    private static final Instant FIRST_CALL = Instant.parse("2026-11-26T02:00:00Z");

    private static final Duration WINDOW = Duration.ofDays(30);

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static CaseFileService caseFiles;
    private static RepeatCalls repeatCalls;

    @BeforeAll
    static void caseTable() {
        DataSource dataSource = TestDatabase.freshCaseTables("repeat-calls");
        jdbc = JdbcClient.create(dataSource);
        caseFiles = new CaseFileService(jdbc, new CaseNumbers(jdbc, new DataSourceTransactionManager(dataSource)));
        repeatCalls = new RepeatCalls(jdbc, WINDOW);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void noCases() {
        jdbc.sql("delete from repeat_call_link").update();
        jdbc.sql("delete from case_file").update();
    }

    @Test
    void samePhoneWithinTheWindowIsLinkedAndTheNewCaseFlagged() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();

        Call repeat = call("138-1234-5678", "李先生", "另一家商店", FIRST_CALL.plus(WINDOW).minusSeconds(60));

        assertThat(repeat.linked()).singleElement().satisfies(linked -> {
            assertThat(linked.caseNumber()).isEqualTo(first);
            assertThat(linked.status()).isEqualTo(CaseStatus.RECEIVED);
            assertThat(linked.respondentName()).isEqualTo("某某电器商行");
            assertThat(linked.samePhone()).isTrue();
            assertThat(linked.sameParties()).isFalse();
        });
        assertThat(repeatCall(repeat.caseNumber())).isTrue();
        assertThat(repeatCall(first)).isFalse();
        assertThat(jdbc.sql("select linked_case_number, same_phone, same_parties from repeat_call_link where case_number = ?")
                .param(repeat.caseNumber()).query().singleRow())
                .containsEntry("linked_case_number", first).containsEntry("same_phone", true)
                .containsEntry("same_parties", false);
    }

    @Test
    void samePhoneExactlyAtTheWindowsEdgeIsLinked() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();

        Call atTheEdge = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plus(WINDOW));

        assertThat(atTheEdge.linked()).extracting(LinkedCase::caseNumber).containsExactly(first);
    }

    @Test
    void samePhoneASecondPastTheWindowIsNotLinked() {
        call("13812345678", "李明", "某某电器商行", FIRST_CALL);

        Call later = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plus(WINDOW).plusSeconds(1));

        assertThat(later.linked()).isEmpty();
        assertThat(repeatCall(later.caseNumber())).isFalse();
    }

    @Test
    void aShanghaiLandlineDialledWithoutItsAreaCodeIsTheSamePhone() {
        String first = call("62345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();

        Call withAreaCode = call("021-62345678", "张伟", "某某餐厅", FIRST_CALL.plusSeconds(60));

        assertThat(withAreaCode.linked()).extracting(LinkedCase::caseNumber).containsExactly(first);
    }

    @ParameterizedTest
    @CsvSource({"62345678, 02162345678", "021-6234 5678, 02162345678", "０２１－６２３４５６７８, 02162345678",
            "010-62345678, 01062345678", "0512-62345678, 051262345678", "13812345678, 13812345678"})
    void thePhoneKeyIsTheDigitsWithShanghaisAreaCodeBeforeALocalLandline(String phone, String key) {
        assertThat(RepeatCallKeys.phoneKey(phone)).isEqualTo(key);
    }

    @Test
    void aLandlineOfAnotherCityIsNotTheSameAsAShanghaiOneWithTheSameNumber() {
        call("010-62345678", "李明", "某某电器商行", FIRST_CALL);

        assertThat(call("62345678", "张伟", "某某餐厅", FIRST_CALL.plusSeconds(60)).linked()).isEmpty();
    }

    @Test
    void theReportSplitOffAComplaintIsFoundByLaterCallsToo() {
        String complaint = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();
        String report = caseFiles.splitOffReport(complaint);

        List<LinkedCase> linked = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).linked();

        assertThat(linked).extracting(LinkedCase::caseNumber).containsExactlyInAnyOrder(complaint, report);
    }

    @Test
    void aLinkedCaseCarriesItsCategoryOnceRegistered() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();
        caseFiles.recordRegistration(first, "COMPLAINT", "HOME_APPLIANCE",
                new Respondent("某某电器商行", null, null, null, null), null, null, FIRST_CALL.plusSeconds(30));

        assertThat(call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).linked())
                .singleElement().extracting(LinkedCase::category).isEqualTo("HOME_APPLIANCE");
    }

    @Test
    void sameComplainantAndRespondentAreLinkedWhateverTheirSpacingAndWidth() {
        String first = call("13812345678", "张 伟", "ＡＢＣ数码（上海）有限公司", FIRST_CALL).caseNumber();

        Call repeat = call("021-62345678", "张伟", "abc 数码(上海)有限公司", FIRST_CALL.plus(Duration.ofHours(3)));

        assertThat(repeat.linked()).singleElement().satisfies(linked -> {
            assertThat(linked.caseNumber()).isEqualTo(first);
            assertThat(linked.samePhone()).isFalse();
            assertThat(linked.sameParties()).isTrue();
        });
    }

    @Test
    void sameComplainantAboutAnotherRespondentFromAnotherPhoneIsNotLinked() {
        call("13812345678", "张伟", "某某电器商行", FIRST_CALL);

        assertThat(call("13987654321", "张伟", "某某餐厅", FIRST_CALL.plusSeconds(60)).linked()).isEmpty();
    }

    @Test
    void bothGroundsOnOneCaseMakeOneLinkNamingBoth() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();

        assertThat(call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).linked())
                .singleElement().satisfies(linked -> {
                    assertThat(linked.caseNumber()).isEqualTo(first);
                    assertThat(linked.samePhone()).isTrue();
                    assertThat(linked.sameParties()).isTrue();
                });
    }

    @Test
    void closedCasesAreNotLinkedOpenOnesAreOldestFirst() {
        String closed = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();
        caseFiles.close(closed, Closure.ANSWERED, null, FIRST_CALL.plusSeconds(600));
        String older = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).caseNumber();
        String newer = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(120)).caseNumber();

        List<LinkedCase> linked = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(180)).linked();

        assertThat(linked).extracting(LinkedCase::caseNumber).containsExactly(older, newer);
    }

    @Test
    void anonymousReportsMatchNothingEvenAboutTheSameRespondent() {
        call(null, null, "某某电器商行", FIRST_CALL);

        Call anonymous = call(null, null, "某某电器商行", FIRST_CALL.plusSeconds(60));

        assertThat(anonymous.linked()).isEmpty();
        assertThat(jdbc.sql("select count(*) from case_file where phone_key is not null or parties_key is not null")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aRepeatCallIsMergedIntoALinkedOpenCase() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();
        String repeat = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).caseNumber();

        String intoProcessInstance = repeatCalls.lockMergeTarget(repeat, first);
        repeatCalls.recordMerge(repeat, first);

        assertThat(intoProcessInstance).isEqualTo("process-of-" + first);
        assertThat(jdbc.sql("select merged_into from case_file where case_number = ?").param(repeat)
                .query(String.class).single()).isEqualTo(first);
    }

    @Test
    void aRepeatCallCannotBeMergedIntoACaseClosedSinceItWasLinked() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();
        String repeat = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).caseNumber();
        caseFiles.close(first, Closure.ANSWERED, null, FIRST_CALL.plusSeconds(600));

        assertThatIllegalArgumentException().isThrownBy(() -> repeatCalls.lockMergeTarget(repeat, first))
                .withMessageContaining("mergeInto").withMessageContaining("closed");
    }

    /** Without the lock the merge would read the status committed before the close and merge into a closing case. */
    @Test
    void aMergeWaitsForACloseOfItsTargetStillUnderWayAndThenRefuses() throws Exception {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();
        String repeat = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).caseNumber();
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch commitClose = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // Given a close of the target, made and not yet committed
            Future<?> close = threads.submit(() -> transactions.executeWithoutResult(status -> {
                caseFiles.close(first, Closure.ANSWERED, null, FIRST_CALL.plusSeconds(600));
                closing.countDown();
                await(commitClose);
            }));
            await(closing);

            // When the operator merges into it meanwhile, then the merge waits for the close
            Future<?> merge = threads.submit(() -> transactions.executeWithoutResult(
                    status -> repeatCalls.lockMergeTarget(repeat, first)));
            assertThatThrownBy(() -> merge.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            // and once the close commits, it is refused
            commitClose.countDown();
            close.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> merge.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed");
        } finally {
            commitClose.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aCaseCannotBeMergedIntoOneItWasNotLinkedTo() {
        String other = call("13987654321", "王芳", "某某餐厅", FIRST_CALL).caseNumber();
        String repeat = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).caseNumber();

        assertThatIllegalArgumentException().isThrownBy(() -> repeatCalls.lockMergeTarget(repeat, other))
                .withMessageContaining("mergeInto").withMessageContaining(other);
    }

    @Test
    void theMigrationWritesTheKeysOfTheCasesStillOpenFromBeforeRepeatCallersWereLinked() {
        // Given cases opened before intake wrote the keys (schema version 7)
        DataSource dataSource = TestDatabase.dataSource("repeat-call-keys-migration");
        Flyway version7 = Flyway.configure().dataSource(dataSource).cleanDisabled(false).target("7").load();
        version7.clean();
        version7.migrate();
        JdbcClient oldJdbc = JdbcClient.create(dataSource);
        String open = "SH20261120000001";
        String closed = "SH20261120000002";
        // rows as that version wrote them: today's CaseFileService writes columns it did not have
        String insert = """
                insert into case_file (case_number, channel, status, complainant_name, complainant_phone,
                    respondent_name, received_at)
                values (?, 'PHONE', ?, ?, ?, ?, ?)""";
        oldJdbc.sql(insert).params(open, "RECEIVED", "张 伟", "62345678", "ＡＢＣ数码",
                UtcColumns.toColumn(FIRST_CALL)).update();
        oldJdbc.sql(insert).params(closed, "CLOSED", "李明", "13812345678", "某某电器商行",
                UtcColumns.toColumn(FIRST_CALL)).update();

        // When the app migrates
        Flyway.configure().dataSource(dataSource).load().migrate();

        // Then the open case has the keys intake writes now, and the closed one, never matched, is left alone
        assertThat(oldJdbc.sql("select phone_key, parties_key from case_file where case_number = ?").param(open)
                .query().singleRow()).containsEntry("phone_key", "02162345678").containsEntry("parties_key", "张伟|abc数码");
        assertThat(oldJdbc.sql("select phone_key from case_file where case_number = ?").param(closed)
                .query().singleRow()).containsEntry("phone_key", null);
    }

    @Test
    void theWindowMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RepeatCalls(jdbc, Duration.ZERO))
                .withMessageContaining("casedesk.intake.repeat-window");
    }

    private record Call(String caseNumber, List<LinkedCase> linked) {
    }

    /** Opens a case at intake as {@code Task_OpenCaseFile} does, and links it. */
    private static Call call(String phone, String complainantName, String respondentName, Instant receivedAt) {
        NewCase newCase = newCase(phone, complainantName, respondentName, receivedAt);
        String caseNumber = caseFiles.open(newCase, null);
        caseFiles.attachProcessInstance(caseNumber, "process-of-" + caseNumber);
        return new Call(caseNumber, repeatCalls.link(caseNumber, newCase));
    }

    private static NewCase newCase(String phone, String complainantName, String respondentName, Instant receivedAt) {
        return new NewCase("PHONE", null, receivedAt, complainantName, phone, null, null,
                new Respondent(respondentName, null, null, null, null), "电饭煲无法加热", null, null, null, null, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 10 s in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean repeatCall(String caseNumber) {
        return jdbc.sql("select repeat_call from case_file where case_number = ?").param(caseNumber)
                .query(Boolean.class).single();
    }
}
