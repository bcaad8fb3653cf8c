package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.casedesk.TestDatabase;
import org.casedesk.deadline.OverdueCases.OverdueDeadline;
import org.casedesk.deadline.OverdueCases.Unit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The overdue bulletin's query on the real schema (Flyway on H2, or MySQL in the -Pmysql run), with rows written as the lifecycle writes them. */
class OverdueCasesTests {

    JdbcClient jdbc;
    OverdueRows rows;
    OverdueCases overdueCases;

    @BeforeEach
    void caseTables() {
        jdbc = JdbcClient.create(TestDatabase.freshCaseTables("overdue-cases"));
        rows = new OverdueRows(jdbc);
        overdueCases = new OverdueCases(jdbc);
    }

    @Test
    void nothingOverdueGivesNoUnits() {
        rows.caseFile("SH20261126000002", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261126000002", "ACCEPTANCE", "2026-12-07T15:59:59Z", null, null);

        assertThat(overdueCases.byUnit()).isEmpty();
    }

    @Test
    void openOverdueDeadlinesAreGroupedByUnitInTheOrderOfTheirCodesWithTheLongestOverdueFirst() {
        rows.caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        rows.deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);
        rows.caseFile("SH20261120000003", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261120000003", "FIRST_CONTACT", "2026-11-20T15:59:59Z", "2026-11-20T16:00:00Z", null);
        rows.deadline("SH20261120000003", "ACCEPTANCE", "2026-11-29T15:59:59Z", "2026-11-29T16:00:00Z", null);
        rows.caseFile("SH20261125000012", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261125000012", "VERIFICATION", "2026-11-26T15:59:59Z", "2026-11-26T16:00:01Z", null);

        assertThat(overdueCases.byUnit()).containsExactly(
                new Unit("310101", "黄浦区市场监督管理局", List.of(
                        overdue("SH20261120000003", "FIRST_CONTACT", "2026-11-20T15:59:59Z", "2026-11-20T16:00:00Z"),
                        overdue("SH20261125000012", "VERIFICATION", "2026-11-26T15:59:59Z", "2026-11-26T16:00:01Z"),
                        overdue("SH20261120000003", "ACCEPTANCE", "2026-11-29T15:59:59Z", "2026-11-29T16:00:00Z"))),
                new Unit("310104", "徐汇区市场监督管理局", List.of(
                        overdue("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z"))));
    }

    @Test
    void aUnitCountsEachCaseOnceHoweverManyOfItsStepsAreOverdue() {
        rows.caseFile("SH20261120000003", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261120000003", "FIRST_CONTACT", "2026-11-20T15:59:59Z", "2026-11-20T16:00:00Z", null);
        rows.deadline("SH20261120000003", "ACCEPTANCE", "2026-11-29T15:59:59Z", "2026-11-29T16:00:00Z", null);

        Unit unit = overdueCases.byUnit().get(0);

        assertThat(unit.deadlines()).hasSize(2);
        assertThat(unit.caseCount()).isOne();
    }

    @Test
    void theCentresOwnStepsComeLastUnderTheCentre() {
        rows.caseFile("SH20261127000001", null, null);
        rows.deadline("SH20261127000001", "REGISTRATION", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);
        rows.caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        rows.deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);

        assertThat(overdueCases.byUnit()).extracting(Unit::code, Unit::name).containsExactly(
                tuple("310104", "徐汇区市场监督管理局"),
                tuple(null, "本中心"));
    }

    @Test
    void anOverdueRevisitIsTheCentresThoughTheCaseHasAUnit() {
        rows.caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        rows.deadline("SH20261118000007", "REVISIT", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);

        assertThat(overdueCases.byUnit()).extracting(Unit::code, Unit::name).containsExactly(tuple(null, "本中心"));
    }

    @Test
    void aUnitWithoutANameIsShownByItsCode() {
        rows.caseFile("SH20261118000007", "310104", null);
        rows.deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);

        assertThat(overdueCases.byUnit()).extracting(Unit::name).containsExactly("310104");
    }

    @Test
    void finishedDeadlinesAndDeadlinesNotYetPassedAreLeftOut() {
        rows.caseFile("SH20261110000001", "310104", "徐汇区市场监督管理局");
        rows.deadline("SH20261110000001", "ACCEPTANCE", "2026-11-19T15:59:59Z", "2026-11-19T16:00:00Z",
                "2026-11-23T02:00:00Z");
        rows.caseFile("SH20261126000002", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261126000002", "FIRST_CONTACT", "2026-11-26T15:59:59Z", null, "2026-11-26T03:00:00Z");
        rows.deadline("SH20261126000002", "ACCEPTANCE", "2026-12-07T15:59:59Z", null, null);

        assertThat(overdueCases.byUnit()).isEmpty();
    }

    private static OverdueDeadline overdue(String caseNumber, String deadline, String dueAt, String overdueAt) {
        return new OverdueDeadline(caseNumber, deadline, Instant.parse(dueAt), Instant.parse(overdueAt));
    }

}
