package org.casedesk.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.NewCase;
import org.casedesk.casefile.UtcColumns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeat callers (市民重复来电, DESIGN.md lifecycle step 1). At intake ({@code Task_OpenCaseFile}) a new case is
 * linked to every open case received within {@code casedesk.intake.repeat-window} before it (the window's edge
 * included) from the same phone, or from the same complainant about the same respondent, and flagged
 * ({@code case_file.repeat_call}); nothing is dropped or merged then. At registration the operator may merge a true
 * duplicate into one of those cases ({@code Task_MergeCase}), and it closes as {@code MERGED}.
 * <p>
 * "Same" compares the keys of {@link RepeatCallKeys}. A case without a phone, or without either name, matches on
 * that ground nothing. A respondent corrected at registration keeps the key it arrived with.
 * <p>
 * Known limit: two calls from one phone that open their cases at the same instant do not link to each other, since
 * under READ COMMITTED neither sees the other's uncommitted row; every later call links to both.
 */
@Service
@Transactional
public class RepeatCalls {

    private final JdbcClient jdbc;
    private final Duration window;

    public RepeatCalls(JdbcClient jdbc, @Value("${casedesk.intake.repeat-window}") Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("casedesk.intake.repeat-window must be positive: " + window);
        }
        this.jdbc = jdbc;
        this.window = window;
    }

    /**
     * An open case a new case was linked to, and on which ground.
     *
     * @param category the category key, null until the case is registered
     */
    record LinkedCase(String caseNumber, Instant receivedAt, CaseStatus status, String respondentName, String category,
            boolean samePhone, boolean sameParties) {

        LinkedCase alsoOnTheGroundsOf(LinkedCase other) {
            return new LinkedCase(caseNumber, receivedAt, status, respondentName, category,
                    samePhone || other.samePhone, sameParties || other.sameParties);
        }
    }

    /**
     * Writes the new case's keys, links it to the open cases it repeats and flags it when there are any.
     *
     * @return the linked cases, oldest first; empty when the case repeats none
     */
    List<LinkedCase> link(String caseNumber, NewCase newCase) {
        String phoneKey = RepeatCallKeys.phoneKey(newCase.complainantPhone());
        String partiesKey = RepeatCallKeys.partiesKey(newCase.complainantName(), newCase.respondent().name());
        jdbc.sql("update case_file set phone_key = ?, parties_key = ? where case_number = ?")
                .params(phoneKey, partiesKey, caseNumber).update();
        if (phoneKey == null && partiesKey == null) {
            return List.of();
        }
        Map<String, LinkedCase> found = new LinkedHashMap<>();
        for (LinkedCase match : openCasesSince(caseNumber, phoneKey, partiesKey, newCase.receivedAt())) {
            found.merge(match.caseNumber(), match, LinkedCase::alsoOnTheGroundsOf);
        }
        List<LinkedCase> linked = found.values().stream().sorted(Comparator.comparing(LinkedCase::receivedAt)).toList();
        for (LinkedCase open : linked) {
            jdbc.sql("""
                    insert into repeat_call_link (case_number, linked_case_number, same_phone, same_parties, linked_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(caseNumber, open.caseNumber(), open.samePhone(), open.sameParties(),
                            UtcColumns.toColumn(newCase.receivedAt()))
                    .update();
        }
        if (!linked.isEmpty()) {
            jdbc.sql("update case_file set repeat_call = true where case_number = ?").param(caseNumber).update();
        }
        return linked;
    }

    /**
     * Checks that a case may be merged into {@code intoCaseNumber} and locks that case's row until the merge
     * commits. A close running at the same time then either waits for the merge or is seen here as closed, so a
     * case is never merged into one that closed meanwhile. Call within the merge's transaction, before
     * {@link #recordMerge}.
     *
     * @return the process instance of the case to merge into, whose handlers are to be told
     * @throws IllegalArgumentException when {@code intoCaseNumber} is not linked to this case, or was closed since
     */
    public String lockMergeTarget(String caseNumber, String intoCaseNumber) {
        boolean linked = jdbc.sql("""
                select count(*) from repeat_call_link where case_number = ? and linked_case_number = ?""")
                .params(caseNumber, intoCaseNumber).query(Integer.class).single() > 0;
        if (!linked) {
            throw new IllegalArgumentException("mergeInto (合并到已有案件): " + intoCaseNumber
                    + " is not one of the open cases case " + caseNumber + " was linked to at intake");
        }
        Map<String, Object> into = jdbc.sql("""
                select status, process_instance_id from case_file where case_number = ? for update""")
                .param(intoCaseNumber).query().singleRow();
        if (CaseStatus.valueOf((String) into.get("status")) == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("mergeInto (合并到已有案件): " + intoCaseNumber
                    + " has been closed since; register case " + caseNumber + " as a case of its own");
        }
        return (String) into.get("process_instance_id");
    }

    /** Records that the operator merged this case into the one {@link #lockMergeTarget} checked and locked. */
    public void recordMerge(String caseNumber, String intoCaseNumber) {
        jdbc.sql("update case_file set merged_into = ? where case_number = ?").params(intoCaseNumber, caseNumber)
                .update();
    }

    /** Open cases with either key, received in the window before {@code receivedAt}; one row per key matched. */
    private List<LinkedCase> openCasesSince(String caseNumber, String phoneKey, String partiesKey, Instant receivedAt) {
        Object from = UtcColumns.toColumn(receivedAt.minus(window));
        Object to = UtcColumns.toColumn(receivedAt);
        return jdbc.sql("""
                select case_number, received_at, status, respondent_name, category, true as same_phone,
                    false as same_parties
                from case_file where phone_key = ? and received_at between ? and ? and status <> 'CLOSED'
                    and case_number <> ?
                union all
                select case_number, received_at, status, respondent_name, category, false, true
                from case_file where parties_key = ? and received_at between ? and ? and status <> 'CLOSED'
                    and case_number <> ?""")
                .params(phoneKey, from, to, caseNumber, partiesKey, from, to, caseNumber)
                .query((rs, row) -> new LinkedCase(rs.getString("case_number"),
                        UtcColumns.fromColumn(rs.getObject("received_at", LocalDateTime.class)),
                        CaseStatus.valueOf(rs.getString("status")), rs.getString("respondent_name"),
                        rs.getString("category"), rs.getBoolean("same_phone"), rs.getBoolean("same_parties")))
                .list();
    }
}
