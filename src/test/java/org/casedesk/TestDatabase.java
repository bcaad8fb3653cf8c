package org.casedesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The database a test runs on, by name: an in-memory H2 database by default, or — in the {@code -Pmysql} run
 * (system property {@code casedesk.test.database=mysql}) — a schema of its own on the MySQL or MariaDB server at
 * {@code casedesk.test.mysql.url}, created in utf8mb4 on first use and dropped when the run ends
 * ({@link TestDatabaseSession}). Each name is one database, so tests that shared one in-memory H2 database share
 * one schema, and tests that had their own keep their own.
 * <p>
 * Schema names carry the run: its start time and process id ({@code casedesk_test_r<base-36 seconds>_<base-36
 * pid>_<name>}), so two runs on one server keep apart, and a run drops only its own schemas and those a killed
 * run left a day ago or earlier.
 */
public final class TestDatabase {

    static final boolean MYSQL = "mysql".equals(System.getProperty("casedesk.test.database"));
    static final String SERVER_URL = System.getProperty("casedesk.test.mysql.url", "jdbc:mysql://127.0.0.1:3306/");
    static final String USER = System.getProperty("casedesk.test.mysql.user", "root");
    static final String PASSWORD = System.getProperty("casedesk.test.mysql.password", "");

    private static final String SCHEMA_PREFIX = "casedesk_test_";
    private static final String RUN = SCHEMA_PREFIX + "r" + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
            + Long.toString(ProcessHandle.current().pid(), 36) + "_";
    private static final Pattern RUN_SCHEMA = Pattern.compile(SCHEMA_PREFIX + "r([0-9a-z]+)_[0-9a-z]+_.+");
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private static final Map<String, String> URLS = new ConcurrentHashMap<>();
    private static final Map<String, HikariDataSource> DATA_SOURCES = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    public static boolean isMysql() {
        return MYSQL;
    }

    /**
     * Points a {@code @SpringBootTest} at the database of this name. On MySQL the URL is bare, as in production,
     * so the connection settings come from {@code application-mysql.yaml} and are tested with it; only the pool
     * is smaller than the profile's.
     */
    public static void register(DynamicPropertyRegistry registry, String name) {
        registry.add("spring.datasource.url", () -> url(name));
        if (MYSQL) {
            registry.add("spring.datasource.username", () -> USER);
            registry.add("spring.datasource.password", () -> PASSWORD);
            // many test contexts stay cached at once: keep well under the server's 151 connections
            registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
            registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
            registry.add("spring.datasource.hikari.idle-timeout", () -> 10_000);
        }
    }

    /** Runs a plain (non-Spring) process engine on the database of this name. */
    public static void use(ProcessEngineConfigurationImpl configuration, String name) {
        configuration.setDataSource(dataSource(name));
        configuration.setDatabaseType(camundaDatabaseType());
    }

    /** As {@code camunda.bpm.database.type} in {@code application-mysql.yaml}; null lets the engine detect H2. */
    public static String camundaDatabaseType() {
        return MYSQL ? "mysql" : null;
    }

    /** A pooled connection to the database of this name, set up as {@code application-mysql.yaml} sets the app's. */
    public static DataSource dataSource(String name) {
        return DATA_SOURCES.computeIfAbsent(name, key -> {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url(key));
            dataSource.setMaximumPoolSize(8); // an intake's own short transaction needs a second connection
            dataSource.setMinimumIdle(0);
            dataSource.setIdleTimeout(10_000);
            if (MYSQL) {
                dataSource.setUsername(USER);
                dataSource.setPassword(PASSWORD);
                dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                dataSource.addDataSourceProperty("sendFractionalSeconds", "false");
                dataSource.addDataSourceProperty("characterEncoding", "UTF-8");
                dataSource.addDataSourceProperty("nullDatabaseMeansCurrent", "true");
            }
            return dataSource;
        });
    }

    /** The database of this name with the case tables as Flyway makes them, and no rows in them. */
    public static DataSource freshCaseTables(String name) {
        DataSource dataSource = dataSource(name);
        Flyway flyway = Flyway.configure().dataSource(dataSource).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }

    /** The JDBC URL of the database of this name, creating its schema on MySQL. */
    static String url(String name) {
        return URLS.computeIfAbsent(name, key -> {
            if (!MYSQL) {
                return "jdbc:h2:mem:" + key + ";DB_CLOSE_DELAY=-1";
            }
            String schema = RUN + key.replaceAll("[^A-Za-z0-9]", "_");
            execute("create database " + schema + " character set utf8mb4 collate utf8mb4_bin");
            return SERVER_URL + schema;
        });
    }

    /** Checks that the server answers, with a message that says what to do when it does not. */
    static void checkServer() {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + "?connectTimeout=5000", USER, PASSWORD)) {
            if (!connection.isValid(5)) {
                throw new SQLException("the connection does not answer");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    The -Pmysql test run needs a MySQL or MariaDB server at %s (user %s), and none answers: %s
                    Start one (here: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd),
                    or point -Dcasedesk.test.mysql.url, -Dcasedesk.test.mysql.user and -Dcasedesk.test.mysql.password at one."""
                    .formatted(SERVER_URL, USER, e.getMessage()), e);
        }
    }

    /** Drops this run's schemas, and those of runs that started more than a day ago (killed before they could). */
    static void dropSchemas() {
        DATA_SOURCES.values().forEach(HikariDataSource::close);
        DATA_SOURCES.clear();
        URLS.clear();
        testSchemas().stream().filter(schema -> schema.startsWith(RUN) || abandoned(schema))
                .forEach(schema -> execute("drop database " + schema));
    }

    private static boolean abandoned(String schema) {
        Matcher run = RUN_SCHEMA.matcher(schema);
        return run.matches()
                && Instant.ofEpochSecond(Long.parseLong(run.group(1), 36)).isBefore(Instant.now().minus(ABANDONED_AFTER));
    }

    private static List<String> testSchemas() {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             ResultSet result = connection.getMetaData().getCatalogs()) {
            while (result.next()) {
                if (result.getString(1).startsWith(SCHEMA_PREFIX)) {
                    schemas.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the test schemas at " + SERVER_URL, e);
        }
        return schemas;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' at " + SERVER_URL, e);
        }
    }
}
