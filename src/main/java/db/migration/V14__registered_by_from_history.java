package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code case_file.registered_by} (V13) for the cases registered before this version, from the engine's
 * history: the assignee of the case's {@code Task_RegisterCase} completed last, as the reports read it until now
 * (a task a Cockpit token move or a cancellation deleted has an end time too, but was not completed, so
 * {@code DELETE_REASON_ = 'completed'} as in {@code StarQueries}); the report split off a complaint-and-report takes
 * its complaint's. Cases whose history the engine has already removed (history time to live) stay without one.
 * <p>
 * Java rather than SQL because the engine creates its tables in the same schema, possibly after Flyway has run (on a
 * new database either may start first): without {@code ACT_HI_TASKINST} there is nothing to copy, as long as no case
 * is registered yet; registered cases without the history table stop the migration with a message, since their
 * operators cannot be found. Idempotent: it fills only cases still without an operator.
 */
public class V14__registered_by_from_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            if (!historyTableExists(connection)) {
                try (ResultSet registered = statement.executeQuery(
                        "select count(*) from case_file where registered_at is not null")) {
                    registered.next();
                    if (registered.getLong(1) > 0) {
                        throw new IllegalStateException("case_file has registered cases but the engine's history "
                                + "table ACT_HI_TASKINST is missing, so their operators cannot be copied");
                    }
                }
                return;
            }
            statement.executeUpdate("""
                    update case_file set registered_by = (
                      select max(t.ASSIGNEE_) from ACT_HI_TASKINST t
                      where t.PROC_INST_ID_ = case_file.process_instance_id
                        and t.TASK_DEF_KEY_ = 'Task_RegisterCase' and t.DELETE_REASON_ = 'completed'
                        and t.END_TIME_ = (
                          select max(l.END_TIME_) from ACT_HI_TASKINST l
                          where l.PROC_INST_ID_ = t.PROC_INST_ID_
                            and l.TASK_DEF_KEY_ = 'Task_RegisterCase' and l.DELETE_REASON_ = 'completed'))
                    where registered_at is not null and registered_by is null""");
            fillSplitOffReportsFromTheirComplaints(connection, statement);
        }
    }

    /**
     * The report split off a complaint-and-report has no registration task of its own: it was registered with its
     * complaint, by the same operator. Read first and written by key, since MySQL refuses an update of
     * {@code case_file} that reads {@code case_file} in a subquery.
     */
    private static void fillSplitOffReportsFromTheirComplaints(Connection connection, Statement statement)
            throws SQLException {
        try (ResultSet reports = statement.executeQuery("""
                select r.case_number, c.registered_by from case_file r
                join case_file c on c.case_number = r.linked_case_number
                where r.case_type = 'REPORT' and r.registered_by is null and c.registered_by is not null""");
                PreparedStatement update = connection.prepareStatement(
                        "update case_file set registered_by = ? where case_number = ?")) {
            while (reports.next()) {
                update.setString(1, reports.getString("registered_by"));
                update.setString(2, reports.getString("case_number"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static boolean historyTableExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                "ACT_HI_TASKINST", new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
