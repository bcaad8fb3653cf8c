package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.casedesk.intake.RepeatCallKeys;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Writes the repeat-caller keys ({@link RepeatCallKeys}) of the cases still open, so that calls after this version
 * find them too: V7 added the key columns empty, and intake (written before this version) left an 8-digit Shanghai
 * landline without its {@code 021}. Closed cases are left as they are, since repeat callers are only ever linked to
 * open ones. A key needs Java (NFKC normalisation), hence a Java migration; Flyway finds it in the package
 * {@code db.migration} beside the SQL ones.
 * <p>
 * Idempotent: it sets each open case's keys to what intake would write from its current complainant and respondent
 * (the respondent as corrected at registration, where intake keeps the name the case arrived with). One node runs
 * it: Flyway locks its history table while it migrates, and other nodes starting meanwhile wait, then skip it.
 * Rows are read by case number in pages of {@value #PAGE} and updated in one JDBC batch per page, all in Flyway's
 * transaction for this version.
 */
public class V9__repeat_call_keys extends BaseJavaMigration {

    private static final int PAGE = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("""
                select case_number, complainant_phone, complainant_name, respondent_name from case_file
                where status <> 'CLOSED' and case_number > ? order by case_number limit ?""");
             PreparedStatement update = connection.prepareStatement(
                     "update case_file set phone_key = ?, parties_key = ? where case_number = ?")) {
            String after = "";
            while (after != null) {
                after = writePage(select, update, after);
            }
        }
    }

    /** Writes the keys of the next page of open cases; returns the page's last case number, null after the last. */
    private static String writePage(PreparedStatement select, PreparedStatement update, String after)
            throws SQLException {
        select.setString(1, after);
        select.setInt(2, PAGE);
        String last = null;
        int rows = 0;
        try (ResultSet openCases = select.executeQuery()) {
            while (openCases.next()) {
                last = openCases.getString("case_number");
                update.setString(1, RepeatCallKeys.phoneKey(openCases.getString("complainant_phone")));
                update.setString(2, RepeatCallKeys.partiesKey(openCases.getString("complainant_name"),
                        openCases.getString("respondent_name")));
                update.setString(3, last);
                update.addBatch();
                rows++;
            }
        }
        update.executeBatch();
        return rows < PAGE ? null : last;
    }
}
