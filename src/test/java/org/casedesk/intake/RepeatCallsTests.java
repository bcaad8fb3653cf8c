package org.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.casedesk.TestDatabase;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CaseNumbers;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.Closure;
import org.casedesk.casefile.NewCase;
import org.casedesk.casefile.Respondent;
import org.casedesk.intake.RepeatCalls.LinkedCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The repeat-caller rule (市民重复来电) against the case table, without an engine: who is linked, and who is not. */
class RepeatCallsTests {

    /** Thursday 2026-11-26, 10:00 in Shanghai. */
    private static final Instant FIRST_CALL = Instant.parse("2026-11-26T02:00:00Z");

    private static JdbcClient jdbc;
    private static CaseFileService caseFiles;
    private static RepeatCalls repeatCalls;

    @BeforeAll
    static void caseTable() {
        DataSource dataSource = TestDatabase.freshCaseTables("repeat-calls");
        jdbc = JdbcClient.create(dataSource);
        caseFiles = new CaseFileService(jdbc, new CaseNumbers(jdbc, new DataSourceTransactionManager(dataSource)));
        repeatCalls = new RepeatCalls(jdbc, Duration.ofDays(30));
    }

    @BeforeEach
    void noCases() {
        jdbc.sql("delete from repeat_call_link").update();
        jdbc.sql("delete from case_file").update();
    }

    @Test
    void samePhoneWithinTheWindowIsLinkedAndTheNewCaseFlagged() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();

        Call repeat = call("138-1234-5678", "李先生", "另一家商店", FIRST_CALL.plus(Duration.ofDays(29)));

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
    void samePhoneOutsideTheWindowIsNotLinked() {
        call("13812345678", "李明", "某某电器商行", FIRST_CALL);

        Call later = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plus(Duration.ofDays(31)));

        assertThat(later.linked()).isEmpty();
        assertThat(repeatCall(later.caseNumber())).isFalse();
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

        repeatCalls.merge(repeat, first);

        assertThat(jdbc.sql("select merged_into from case_file where case_number = ?").param(repeat)
                .query(String.class).single()).isEqualTo(first);
    }

    @Test
    void aRepeatCallCannotBeMergedIntoACaseClosedSinceItWasLinked() {
        String first = call("13812345678", "李明", "某某电器商行", FIRST_CALL).caseNumber();
        String repeat = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).caseNumber();
        caseFiles.close(first, Closure.ANSWERED, null, FIRST_CALL.plusSeconds(600));

        assertThatIllegalArgumentException().isThrownBy(() -> repeatCalls.merge(repeat, first))
                .withMessageContaining("mergeInto").withMessageContaining("closed");
    }

    @Test
    void aCaseCannotBeMergedIntoOneItWasNotLinkedTo() {
        String other = call("13987654321", "王芳", "某某餐厅", FIRST_CALL).caseNumber();
        String repeat = call("13812345678", "李明", "某某电器商行", FIRST_CALL.plusSeconds(60)).caseNumber();

        assertThatIllegalArgumentException().isThrownBy(() -> repeatCalls.merge(repeat, other))
                .withMessageContaining("mergeInto").withMessageContaining(other);
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
        NewCase newCase = new NewCase("PHONE", null, receivedAt, complainantName, phone, null, null,
                new Respondent(respondentName, null, null, null, null), "电饭煲无法加热", null, null, null, null);
        String caseNumber = caseFiles.open(newCase, null);
        return new Call(caseNumber, repeatCalls.link(caseNumber, newCase));
    }

    private static boolean repeatCall(String caseNumber) {
        return jdbc.sql("select repeat_call from case_file where case_number = ?").param(caseNumber)
                .query(Boolean.class).single();
    }
}
