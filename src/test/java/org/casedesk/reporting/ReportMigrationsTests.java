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
 * Migrations V13 to V16 on a database with cases from before them: who registered each case is copied from the
 * engine's history, and each step a unit does is charged to the unit that had the case when it started, as far as
 * the rows tell. The engine's history table is reduced here to the columns V14 reads.
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
                    TASK_DEF_KEY_ varchar(255), ASSIGNEE_ varchar(255), END_TIME_ datetime,
                    DELETE_REASON_ varchar(4000))""").update();
        // SH…1 registered by operator2 (a registration task of zhang's was deleted by a token move), sent to 310115 at
        // 02:30, returned and forwarded at 03:00 to 310101; SH…2 registered but its task has no assignee; SH…3
        // waiting to be registered; SH…4 registered by operator2, moved back and registered again by operator;
        // SH…5 the report split off SH…4
        insertCase(jdbc, "SH20261102000001", "pi-1", RECEIVED.plusHours(1), "310101", "黄浦区市场监督管理局",
                RECEIVED.plusHours(2));
        insertCase(jdbc, "SH20261102000002", "pi-2", RECEIVED.plusHours(1), null, null, null);
        insertCase(jdbc, "SH20261102000003", "pi-3", null, null, null, null);
        insertCase(jdbc, "SH20261102000004", "pi-4", RECEIVED.plusHours(3), null, null, null);
        insertCase(jdbc, "SH20261102000005", null, RECEIVED.plusHours(3), null, null, null);
        jdbc.sql("update case_file set case_type = 'REPORT', linked_case_number = 'SH20261102000004' "
                + "where case_number = 'SH20261102000005'").update();
        insertTask(jdbc, "t-1", "pi-1", "Task_RegisterCase", "operator2", RECEIVED.plusHours(1), "completed");
        insertTask(jdbc, "t-2", "pi-1", "Task_ContactConsumer", "huangpu", RECEIVED.plusHours(4), "completed");
        insertTask(jdbc, "t-3", "pi-2", "Task_RegisterCase", null, RECEIVED.plusHours(1), "completed");
        insertTask(jdbc, "t-4", "pi-3", "Task_RegisterCase", null, null, null);
        insertTask(jdbc, "t-5", "pi-1", "Task_RegisterCase", "zhang", RECEIVED.plusMinutes(30), "deleted");
        insertTask(jdbc, "t-6", "pi-4", "Task_RegisterCase", "operator2", RECEIVED.plusHours(2), "completed");
        insertTask(jdbc, "t-7", "pi-4", "Task_RegisterCase", "operator", RECEIVED.plusHours(3), "completed");
        insertStep(jdbc, "a-1", "SH20261102000001", "REGISTRATION", RECEIVED);
        insertStep(jdbc, "a-2", "SH20261102000001", "FIRST_CONTACT", RECEIVED.plusMinutes(90));
        insertStep(jdbc, "a-3", "SH20261102000001", "FIRST_CONTACT", RECEIVED.plusHours(2));
        insertStep(jdbc, "a-4", "SH20261102000001", "REVISIT", RECEIVED.plusHours(5));

        // When the app migrates
        Flyway.configure().dataSource(dataSource).load().migrate();

        // Then the completed registration task's assignee, the last one if it was done twice; the report its complaint's
        assertThat(jdbc.sql("select case_number, registered_by from case_file order by case_number").query()
                .listOfRows()).extracting(row -> row.get("case_number") + " " + row.get("registered_by"))
                .containsExactly("SH20261102000001 operator2", "SH20261102000002 null", "SH20261102000003 null",
                        "SH20261102000004 operator", "SH20261102000005 operator");
        // and the unit's steps since the last forwarding that unit; the first contact at the unit that returned the
        // case no unit, as no row tells which unit had it; registration and the revisit the centre's
        assertThat(jdbc.sql("select deadline, handling_unit, handling_unit_name from case_deadline order by started_at")
                .query().listOfRows()).extracting(row -> row.get("deadline") + " " + row.get("handling_unit") + " "
                        + row.get("handling_unit_name"))
                .containsExactly("REGISTRATION null null", "FIRST_CONTACT null null",
                        "FIRST_CONTACT 310101 黄浦区市场监督管理局", "REVISIT null null");
    }

    @Test
    void aNewDatabaseMigratesBeforeTheEngineHasMadeItsTables() {
        DataSource dataSource = version12("report-migrations-new");
        Flyway flyway = Flyway.configure().dataSource(dataSource).load();

        flyway.migrate();

        // every migration applied, the Java ones that read the engine's missing history (V14) included
        assertThat(flyway.info().pending()).isEmpty();
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
            String assignee, LocalDateTime endTime, String deleteReason) {
        jdbc.sql("""
                insert into ACT_HI_TASKINST (ID_, PROC_INST_ID_, TASK_DEF_KEY_, ASSIGNEE_, END_TIME_, DELETE_REASON_)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, processInstance, taskKey, assignee, endTime, deleteReason).update();
    }

    private static void insertStep(JdbcClient jdbc, String activityInstance, String caseNumber, String deadline,
            LocalDateTime startedAt) {
        jdbc.sql("""
                insert into case_deadline (activity_instance_id, case_number, deadline, started_at, due_at)
                values (?, ?, ?, ?, ?)""")
                .params(activityInstance, caseNumber, deadline, startedAt, startedAt.plusDays(1)).update();
    }
}
