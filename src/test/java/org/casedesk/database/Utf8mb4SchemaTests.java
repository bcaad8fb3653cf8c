package org.casedesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Camunda's MySQL create scripts, as the plugin runs them: read from the Camunda jar in use, every table
 * in utf8mb4. Runs without a database, so a Camunda upgrade that changes its scripts fails here first.
 */
class Utf8mb4SchemaTests {

    @Test
    void everyTableOfEveryComponentIsCreatedInUtf8mb4() {
        List<String> statements = Utf8mb4Schema.COMPONENTS.stream()
                .flatMap(component -> Utf8mb4Schema.utf8mb4Statements(component.name()).stream()).toList();
        List<String> createTables = statements.stream().filter(sql -> sql.startsWith("create table")).toList();

        assertThat(createTables).hasSize(49).allSatisfy(sql ->
                assertThat(sql).endsWith("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin"));
        assertThat(statements).noneMatch(sql -> sql.contains("--"))
                .anyMatch(sql -> sql.startsWith("insert into ACT_GE_PROPERTY"))
                .anyMatch(sql -> sql.startsWith("create index ACT_IDX_HI_PRO_INST_END"));
    }

    @Test
    void eachComponentIsKnownByTheTableThatItsOwnScriptCreates() {
        assertThat(Utf8mb4Schema.COMPONENTS).allSatisfy(component ->
                assertThat(Utf8mb4Schema.utf8mb4Statements(component.name()))
                        .anyMatch(sql -> sql.startsWith("create table " + component.table() + " (")));
    }
}
