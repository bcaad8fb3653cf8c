package org.casedesk.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On MySQL, has Camunda's tables created in utf8mb4. Camunda's MySQL scripts say {@code CHARSET=utf8}, which
 * MySQL reads as the 3-byte utf8mb3: a complainant named with a rare character (𠮷) or a description with an
 * emoji would be refused as a process variable. So on a database without Camunda's tables this plugin runs
 * the engine's own create scripts, read from the Camunda jar in use, with {@code utf8mb4_bin} (case-sensitive,
 * as Camunda's {@code utf8_bin}) in place of {@code utf8_bin}; the engine's schema update then finds its
 * tables and leaves them be.
 * <p>
 * It runs before the engine's schema operations and under a named database lock, so nodes starting together
 * on a new database create the tables once. It refuses a database whose default character set is not
 * utf8mb4, because Flyway creates the case tables with that default.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.database.type", havingValue = "mysql")
class Utf8mb4Schema extends AbstractProcessEnginePlugin {

    /** Camunda's schema components in the engine's own creation order (history, identity, CMMN and DMN on). */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    private static final String LOCK = "casedesk.camunda-schema";
    private static final Logger log = LoggerFactory.getLogger(Utf8mb4Schema.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            requireUtf8mb4Database(statement);
            if (queryInt(statement, "select get_lock('" + LOCK + "', 600)") != 1) {
                throw new IllegalStateException("Waited 10 minutes for another node to create Camunda's tables");
            }
            try {
                if (queryInt(statement, """
                        select count(*) from information_schema.tables
                        where table_schema = database() and table_name = 'ACT_GE_PROPERTY'""") == 0) {
                    for (String component : COMPONENTS) {
                        createComponent(statement, component);
                    }
                    log.info("Created Camunda's tables in utf8mb4: {}", COMPONENTS);
                }
            } finally {
                statement.execute("select release_lock('" + LOCK + "')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create Camunda's tables in utf8mb4", e);
        }
    }

    private static void requireUtf8mb4Database(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("""
                select schema_name, default_character_set_name from information_schema.schemata
                where schema_name = database()""")) {
            result.next();
            String database = result.getString(1);
            String characterSet = result.getString(2);
            if (!characterSet.startsWith("utf8mb4")) {
                throw new IllegalStateException(("The database %s uses the character set %s, but the case tables "
                        + "need utf8mb4. Create it with: create database %s character set utf8mb4 collate utf8mb4_bin")
                        .formatted(database, characterSet, database));
            }
        }
    }

    private static void createComponent(Statement statement, String component) throws SQLException {
        for (String sql : utf8mb4Statements(component)) {
            statement.execute(sql);
        }
    }

    /** The statements of Camunda's MySQL create script for this component, with utf8mb4 for utf8. */
    static List<String> utf8mb4Statements(String component) {
        String resource = "org/camunda/bpm/engine/db/create/activiti.mysql.create." + component + ".sql";
        String script = camundaScript(resource).replace("CHARSET=utf8 COLLATE utf8_bin",
                "CHARSET=utf8mb4 COLLATE utf8mb4_bin");
        if (script.contains("utf8 ") || script.contains("utf8_")) {
            throw new IllegalStateException(resource + " names utf8 in a form this plugin does not replace");
        }
        return statements(script);
    }

    /** A script's statements: comment lines dropped, split at the semicolons that end statements. */
    private static List<String> statements(String script) {
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
    }

    private static String camundaScript(String resource) {
        try (InputStream in = ProcessEngineConfigurationImpl.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda's script " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + resource, e);
        }
    }

    private static int queryInt(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
