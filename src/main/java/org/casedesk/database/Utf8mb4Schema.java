package org.casedesk.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
 * emoji would be refused as a process variable. So for each schema component the engine would create and finds
 * missing, this plugin runs the engine's own create script, read from the Camunda jar in use, with
 * {@code utf8mb4_bin} (case-sensitive, as Camunda's {@code utf8_bin}) in place of {@code utf8_bin}; the engine's
 * schema update then finds its tables and leaves them be. A start cut short half-way is completed the same way.
 * <p>
 * It runs before the engine's schema operations and under a named lock of this database, so nodes starting
 * together on a new database create each table once. It refuses a database whose default character set is not
 * utf8mb4, the character set Flyway's case tables take from it.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.database.type", havingValue = "mysql")
class Utf8mb4Schema extends AbstractProcessEnginePlugin {

    /** A component of Camunda's schema: the table by which the engine knows it is there, and whether it is used. */
    record SchemaComponent(String name, String table, Predicate<ProcessEngineConfigurationImpl> used) {
    }

    /** Camunda's schema components in the engine's own creation order, as its DbSqlSession checks them. */
    static final List<SchemaComponent> COMPONENTS = List.of(
            new SchemaComponent("engine", "ACT_RU_EXECUTION", configuration -> true),
            new SchemaComponent("history", "ACT_HI_PROCINST", ProcessEngineConfigurationImpl::isDbHistoryUsed),
            new SchemaComponent("identity", "ACT_ID_USER", ProcessEngineConfigurationImpl::isDbIdentityUsed),
            new SchemaComponent("case.engine", "ACT_RE_CASE_DEF", ProcessEngineConfigurationImpl::isCmmnEnabled),
            new SchemaComponent("case.history", "ACT_HI_CASEINST", configuration ->
                    configuration.isCmmnEnabled() && configuration.isDbHistoryUsed()),
            new SchemaComponent("decision.engine", "ACT_RE_DECISION_DEF", ProcessEngineConfigurationImpl::isDmnEnabled),
            new SchemaComponent("decision.history", "ACT_HI_DECINST", configuration ->
                    configuration.isDmnEnabled() && configuration.isDbHistoryUsed()));

    private static final Pattern UTF8MB3 = Pattern.compile("(?i)\\butf8(mb3)?(_bin)?\\b");
    private static final Logger log = LoggerFactory.getLogger(Utf8mb4Schema.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            requireUtf8mb4Database(statement);
            // a lock of this database only: other installations on the same server do not wait for it
            Integer locked = queryInt(statement, "select get_lock(concat('casedesk-schema-', md5(database())), 600)");
            if (locked == null || locked != 1) {
                throw new IllegalStateException("Could not take the lock for creating Camunda's tables within "
                        + "10 minutes (get_lock answered " + locked + ")");
            }
            try {
                List<String> created = new ArrayList<>();
                for (SchemaComponent component : COMPONENTS) {
                    if (component.used().test(configuration) && !tableExists(statement, component.table())) {
                        createComponent(statement, component.name());
                        created.add(component.name());
                    }
                }
                if (!created.isEmpty()) {
                    log.info("Created Camunda's tables in utf8mb4: {}", created);
                }
            } finally {
                statement.execute("select release_lock(concat('casedesk-schema-', md5(database())))");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create Camunda's tables in utf8mb4", e);
        }
    }

    private static void requireUtf8mb4Database(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("""
                select schema_name, default_character_set_name, default_collation_name
                from information_schema.schemata where schema_name = database()""")) {
            if (!result.next()) {
                throw new IllegalStateException("The database URL (MYSQL_URL) names no database");
            }
            String database = result.getString(1);
            String characterSet = result.getString(2);
            if (!characterSet.startsWith("utf8mb4")) {
                throw new IllegalStateException(("The database %s uses the character set %s, but the case tables "
                        + "need utf8mb4. Create it with: create database %s character set utf8mb4 collate utf8mb4_bin")
                        .formatted(database, characterSet, database));
            }
            if (!result.getString(3).equals("utf8mb4_bin")) {
                log.warn("The database {} collates with {}: names that differ only in rare characters or emoji may "
                        + "compare equal; utf8mb4_bin compares them exactly", database, result.getString(3));
            }
        }
    }

    private static boolean tableExists(Statement statement, String table) throws SQLException {
        return queryInt(statement, """
                select count(*) from information_schema.tables
                where table_schema = database() and table_name = '%s'""".formatted(table)) > 0;
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
        if (UTF8MB3.matcher(script).find()) {
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

    private static Integer queryInt(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            int value = result.getInt(1);
            return result.wasNull() ? null : value;
        }
    }
}
