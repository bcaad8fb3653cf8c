package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code case_file.registered_by} (V13) for the cases registered before this version, from the engine's
 * history: the assignee of the case's completed {@code Task_RegisterCase}, as the reports read it until now.
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
                        and t.TASK_DEF_KEY_ = 'Task_RegisterCase' and t.END_TIME_ is not null)
                    where registered_at is not null and registered_by is null""");
        }
    }

    private static boolean historyTableExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                "ACT_HI_TASKINST", new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
