package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import javax.sql.DataSource;

import org.casedesk.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrations V13 to V15 on a database with cases from before them: who registered each case is copied from the
 * engine's history, and each deadline step is charged to the unit that had the case when it started, as far as the
 * rows tell. The engine's history table is reduced here to the columns V14 reads.
 */
class ReportMigrationsTests {

    private static final LocalDateTime RECEIVED = LocalDateTime.parse("2026-11-02T01:00:00");

    @Test
    void casesRegisteredBeforeKeepTheirOperatorAndTheirStepsTheUnitThatHadTheCase() {
        // Given cases and steps written at schema version 12, and the registration tasks in the engine's history
        DataSource dataSource = version12("report-migrations");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                create table ACT_HI_TASKINST (ID_ varchar(64) primary key, PROC_INST_ID_ varchar(64),
                    TASK_DEF_KEY_ varchar(255), ASSIGNEE_ varchar(255), END_TIME_ datetime)""").update();
        // SH…1 registered by operator2, forwarded at 03:00 to 310101; SH…2 registered but its task has no assignee;
        // SH…3 waiting to be registered
        insertCase(jdbc, "SH20261102000001", "pi-1", RECEIVED.plusHours(1), "310101", "黄浦区市场监督管理局",
                RECEIVED.plusHours(2));
        insertCase(jdbc, "SH20261102000002", "pi-2", RECEIVED.plusHours(1), null, null, null);
        insertCase(jdbc, "SH20261102000003", "pi-3", null, null, null, null);
        insertTask(jdbc, "t-1", "pi-1", "Task_RegisterCase", "operator2", RECEIVED.plusHours(1));
        insertTask(jdbc, "t-2", "pi-1", "Task_ContactConsumer", "huangpu", RECEIVED.plusHours(4));
        insertTask(jdbc, "t-3", "pi-2", "Task_RegisterCase", null, RECEIVED.plusHours(1));
        insertTask(jdbc, "t-4", "pi-3", "Task_RegisterCase", null, null);
        insertStep(jdbc, "a-1", "SH20261102000001", "REGISTRATION", RECEIVED);
        insertStep(jdbc, "a-2", "SH20261102000001", "FIRST_CONTACT", RECEIVED.plusHours(2));

        // When the app migrates
        Flyway.configure().dataSource(dataSource).load().migrate();

        // Then
        assertThat(jdbc.sql("select case_number, registered_by from case_file order by case_number").query()
                .listOfRows()).extracting(row -> row.get("case_number") + " " + row.get("registered_by"))
                .containsExactly("SH20261102000001 operator2", "SH20261102000002 null", "SH20261102000003 null");
        assertThat(jdbc.sql("select deadline, handling_unit, handling_unit_name from case_deadline order by started_at")
                .query().listOfRows()).extracting(row -> row.get("deadline") + " " + row.get("handling_unit") + " "
                        + row.get("handling_unit_name"))
                .containsExactly("REGISTRATION null null", "FIRST_CONTACT 310101 黄浦区市场监督管理局");
    }

    @Test
    void aNewDatabaseMigratesBeforeTheEngineHasMadeItsTables() {
        DataSource dataSource = version12("report-migrations-new");

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(JdbcClient.create(dataSource).sql("select count(*) from case_file where registered_by is null")
                .query(Long.class).single()).isZero();
    }

    @Test
    void registeredCasesWithoutTheEnginesHistoryStopTheMigrationWithTheReason() {
        DataSource dataSource = version12("report-migrations-no-history");
        insertCase(JdbcClient.create(dataSource), "SH20261102000001", "pi-1", RECEIVED.plusHours(1), null, null, null);

        assertThatThrownBy(() -> Flyway.configure().dataSource(dataSource).load().migrate())
                .hasStackTraceContaining("ACT_HI_TASKINST is missing");
    }

    private static DataSource version12(String name) {
        DataSource dataSource = TestDatabase.dataSource(name);
        Flyway version12 = Flyway.configure().dataSource(dataSource).cleanDisabled(false).target("12").load();
        version12.clean();
        version12.migrate();
        return dataSource;
    }

    private static void insertCase(JdbcClient jdbc, String caseNumber, String processInstance,
            LocalDateTime registeredAt, String unit, String unitName, LocalDateTime forwardedAt) {
        jdbc.sql("""
                insert into case_file (case_number, process_instance_id, channel, status, handling_unit,
                    handling_unit_name, received_at, registered_at, forwarded_at)
                values (?, ?, 'PHONE', 'RECEIVED', ?, ?, ?, ?, ?)""")
                .params(caseNumber, processInstance, unit, unitName, RECEIVED, registeredAt, forwardedAt).update();
    }

    private static void insertTask(JdbcClient jdbc, String id, String processInstance, String taskKey,
            String assignee, LocalDateTime endTime) {
        jdbc.sql("""
                insert into ACT_HI_TASKINST (ID_, PROC_INST_ID_, TASK_DEF_KEY_, ASSIGNEE_, END_TIME_)
                values (?, ?, ?, ?, ?)""")
                .params(id, processInstance, taskKey, assignee, endTime).update();
    }

    private static void insertStep(JdbcClient jdbc, String activityInstance, String caseNumber, String deadline,
            LocalDateTime startedAt) {
        jdbc.sql("""
                insert into case_deadline (activity_instance_id, case_number, deadline, started_at, due_at)
                values (?, ?, ?, ?, ?)""")
                .params(activityInstance, caseNumber, deadline, startedAt, startedAt.plusDays(1)).update();
    }
}
