package org.casedesk.intake;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * linked to every open case received within {@code casedesk.intake.repeat-window} before it from the same phone,
 * or from the same complainant about the same respondent, and flagged ({@code case_file.repeat_call}); nothing is
 * dropped or merged then. At registration the operator may merge a true duplicate into one of those cases
 * ({@code Task_MergeCase}), and it closes as {@code MERGED}.
 * <p>
 * "Same" compares keys written at intake: the phone's digits only (so {@code 021-6234 5678} is
 * {@code 02162345678}); names NFKC-normalised (full-width letters, digits and brackets become half-width),
 * without any whitespace and in lower case. A case without a phone, or without either name, matches on that
 * ground nothing. A respondent corrected at registration keeps the key it arrived with.
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

    /** An open case a new case was linked to, and on which ground. */
    record LinkedCase(String caseNumber, Instant receivedAt, CaseStatus status, String respondentName,
            String description, boolean samePhone, boolean sameParties) {
    }

    /**
     * Writes the new case's keys, links it to the open cases it repeats and flags it when there are any.
     *
     * @return the linked cases, oldest first; empty when the case repeats none
     */
    public List<LinkedCase> link(String caseNumber, NewCase newCase) {
        String phoneKey = phoneKey(newCase.complainantPhone());
        String partiesKey = partiesKey(newCase.complainantName(), newCase.respondent().name());
        jdbc.sql("update case_file set phone_key = ?, parties_key = ? where case_number = ?")
                .params(phoneKey, partiesKey, caseNumber).update();
        if (phoneKey == null && partiesKey == null) {
            return List.of();
        }
        Map<String, LinkedCase> found = new LinkedHashMap<>();
        for (LinkedCase match : openCasesSince(caseNumber, phoneKey, partiesKey, newCase.receivedAt())) {
            found.merge(match.caseNumber(), match, (one, other) -> new LinkedCase(one.caseNumber(), one.receivedAt(),
                    one.status(), one.respondentName(), one.description(), one.samePhone() || other.samePhone(),
                    one.sameParties() || other.sameParties()));
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
     * Records that the operator merged this case into one of the open cases it was linked to at intake.
     *
     * @throws IllegalArgumentException when {@code intoCaseNumber} is not linked to this case, or was closed since
     */
    public void merge(String caseNumber, String intoCaseNumber) {
        String status = jdbc.sql("""
                select f.status from repeat_call_link l join case_file f on f.case_number = l.linked_case_number
                where l.case_number = ? and l.linked_case_number = ?""")
                .params(caseNumber, intoCaseNumber).query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("mergeInto (合并到已有案件): " + intoCaseNumber
                        + " is not one of the open cases case " + caseNumber + " was linked to at intake"));
        if (CaseStatus.valueOf(status) == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("mergeInto (合并到已有案件): " + intoCaseNumber
                    + " has been closed since; register case " + caseNumber + " as a case of its own");
        }
        jdbc.sql("update case_file set merged_into = ? where case_number = ?").params(intoCaseNumber, caseNumber)
                .update();
    }

    /** Open cases with either key, received in the window before {@code receivedAt}; one row per key matched. */
    private List<LinkedCase> openCasesSince(String caseNumber, String phoneKey, String partiesKey, Instant receivedAt) {
        Object from = UtcColumns.toColumn(receivedAt.minus(window));
        Object to = UtcColumns.toColumn(receivedAt);
        return jdbc.sql("""
                select case_number, received_at, status, respondent_name, description, true as same_phone,
                    false as same_parties
                from case_file where phone_key = ? and received_at between ? and ? and status <> 'CLOSED'
                    and case_number <> ?
                union all
                select case_number, received_at, status, respondent_name, description, false, true
                from case_file where parties_key = ? and received_at between ? and ? and status <> 'CLOSED'
                    and case_number <> ?""")
                .params(phoneKey, from, to, caseNumber, partiesKey, from, to, caseNumber)
                .query((rs, row) -> new LinkedCase(rs.getString("case_number"),
                        UtcColumns.fromColumn(rs.getObject("received_at", LocalDateTime.class)),
                        CaseStatus.valueOf(rs.getString("status")), rs.getString("respondent_name"),
                        rs.getString("description"), rs.getBoolean("same_phone"), rs.getBoolean("same_parties")))
                .list();
    }

    /** The phone's digits, full-width ones included; null when it has none. */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : cut(digits, 30);
    }

    /** Complainant and respondent as one key; null unless both are named. */
    static String partiesKey(String complainantName, String respondentName) {
        String complainant = nameKey(complainantName);
        String respondent = nameKey(respondentName);
        return complainant == null || respondent == null ? null : cut(complainant + "|" + respondent, 310);
    }

    private static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String key = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]", "")
                .toLowerCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    /** Keeps a key within its column; NFKC can lengthen text (㍿ becomes 株式会社). */
    private static String cut(String key, int columnLength) {
        return key.length() <= columnLength ? key : key.substring(0, columnLength);
    }
}
