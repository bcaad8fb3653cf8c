package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.casedesk.deadline.OverdueCases.OverdueDeadline;
import org.casedesk.deadline.OverdueCases.Unit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** The overdue bulletin's query on the real schema (Flyway on H2), with rows written as the lifecycle writes them. */
class OverdueCasesTests {

    EmbeddedDatabase database;
    JdbcClient jdbc;
    OverdueCases overdueCases;

    @BeforeEach
    void caseTables() {
        database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = JdbcClient.create(database);
        overdueCases = new OverdueCases(jdbc);
    }

    @AfterEach
    void dropDatabase() {
        database.shutdown();
    }

    @Test
    void nothingOverdueGivesNoUnits() {
        caseFile("SH20261126000002", "310101", "黄浦区市场监督管理局");
        deadline("SH20261126000002", "ACCEPTANCE", "2026-12-07T15:59:59Z", null, null);

        assertThat(overdueCases.byUnit()).isEmpty();
    }

    @Test
    void openOverdueDeadlinesAreGroupedByUnitInTheOrderOfTheirCodesWithTheLongestOverdueFirst() {
        caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);
        caseFile("SH20261120000003", "310101", "黄浦区市场监督管理局");
        deadline("SH20261120000003", "FIRST_CONTACT", "2026-11-20T15:59:59Z", "2026-11-20T16:00:00Z", null);
        deadline("SH20261120000003", "ACCEPTANCE", "2026-11-29T15:59:59Z", "2026-11-29T16:00:00Z", null);
        caseFile("SH20261125000012", "310101", "黄浦区市场监督管理局");
        deadline("SH20261125000012", "VERIFICATION", "2026-11-26T15:59:59Z", "2026-11-26T16:00:01Z", null);

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
        caseFile("SH20261120000003", "310101", "黄浦区市场监督管理局");
        deadline("SH20261120000003", "FIRST_CONTACT", "2026-11-20T15:59:59Z", "2026-11-20T16:00:00Z", null);
        deadline("SH20261120000003", "ACCEPTANCE", "2026-11-29T15:59:59Z", "2026-11-29T16:00:00Z", null);

        Unit unit = overdueCases.byUnit().get(0);

        assertThat(unit.deadlines()).hasSize(2);
        assertThat(unit.caseCount()).isOne();
    }

    @Test
    void casesWithoutAUnitComeLastUnderTheDispatchers() {
        caseFile("SH20261127000001", null, null);
        deadline("SH20261127000001", "REGISTRATION", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);
        caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);

        assertThat(overdueCases.byUnit()).extracting(Unit::code, Unit::name).containsExactly(
                tuple("310104", "徐汇区市场监督管理局"),
                tuple(null, "分送岗/未分送"));
    }

    @Test
    void aUnitWithoutANameIsShownByItsCode() {
        caseFile("SH20261118000007", "310104", null);
        deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);

        assertThat(overdueCases.byUnit()).extracting(Unit::name).containsExactly("310104");
    }

    @Test
    void finishedDeadlinesAndDeadlinesNotYetPassedAreLeftOut() {
        caseFile("SH20261110000001", "310104", "徐汇区市场监督管理局");
        deadline("SH20261110000001", "ACCEPTANCE", "2026-11-19T15:59:59Z", "2026-11-19T16:00:00Z",
                "2026-11-23T02:00:00Z");
        caseFile("SH20261126000002", "310101", "黄浦区市场监督管理局");
        deadline("SH20261126000002", "FIRST_CONTACT", "2026-11-26T15:59:59Z", null, "2026-11-26T03:00:00Z");
        deadline("SH20261126000002", "ACCEPTANCE", "2026-12-07T15:59:59Z", null, null);

        assertThat(overdueCases.byUnit()).isEmpty();
    }

    private static OverdueDeadline overdue(String caseNumber, String deadline, String dueAt, String overdueAt) {
        return new OverdueDeadline(caseNumber, deadline, Instant.parse(dueAt), Instant.parse(overdueAt));
    }

    private void caseFile(String caseNumber, String unitCode, String unitName) {
        jdbc.sql("""
                insert into case_file (case_number, channel, status, handling_unit, handling_unit_name, received_at)
                values (?, 'PHONE', 'WITH_UNIT', ?, ?, ?)""")
                .params(caseNumber, unitCode, unitName, LocalDateTime.of(2026, 11, 18, 1, 30))
                .update();
    }

    private void deadline(String caseNumber, String deadline, String dueAt, String overdueAt, String finishedAt) {
        jdbc.sql("""
                insert into case_deadline (activity_instance_id, case_number, deadline, started_at, due_at,
                    overdue_at, finished_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber + ":" + deadline, caseNumber, deadline, LocalDateTime.of(2026, 11, 18, 2, 0),
                        utc(dueAt), utc(overdueAt), utc(finishedAt))
                .update();
    }

    private static LocalDateTime utc(String instant) {
        return instant == null ? null : LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
