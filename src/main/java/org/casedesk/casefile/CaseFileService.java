package org.casedesk.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the case table, the source of truth for case data. The lifecycle's delegates call
 * it inside the engine's transaction, so a case row changes together with its process instance or not at all.
 */
@Service
@Transactional
public class CaseFileService {

    private final JdbcClient jdbc;
    private final CaseNumbers caseNumbers;

    public CaseFileService(JdbcClient jdbc, CaseNumbers caseNumbers) {
        this.jdbc = jdbc;
        this.caseNumbers = caseNumbers;
    }

    /** Opens the case file at intake and returns its new case number. */
    public String open(NewCase newCase, String processInstanceId) {
        String caseNumber = caseNumbers.next(newCase.receivedAt());
        Respondent respondent = newCase.respondent();
        jdbc.sql("""
                insert into case_file (case_number, process_instance_id, channel, external_reference, status,
                    complainant_name, complainant_phone, complainant_address, complainant_email,
                    respondent_name, respondent_address, respondent_district, respondent_street, platform_name,
                    description, claim, amount, occurred_at, work_order_due_at, category_hint, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, processInstanceId, newCase.channel(), newCase.externalReference(),
                        CaseStatus.RECEIVED.name(),
                        newCase.complainantName(), newCase.complainantPhone(), newCase.complainantAddress(),
                        newCase.complainantEmail(), respondent.name(), respondent.address(), respondent.district(),
                        respondent.street(), respondent.platformName(), newCase.description(), newCase.claim(),
                        newCase.amount(), UtcColumns.toColumn(newCase.occurredAt()),
                        UtcColumns.toColumn(newCase.workOrderDueAt()), newCase.categoryHint(),
                        UtcColumns.toColumn(newCase.receivedAt()))
                .update();
        return caseNumber;
    }

    /** Records the operator's classification, including a corrected respondent. */
    public void recordRegistration(String caseNumber, String caseType, String category, Respondent respondent,
            String notAcceptedGround, String answer, Instant at) {
        update(caseNumber, """
                update case_file set case_type = ?, category = ?, respondent_name = ?, respondent_address = ?,
                    respondent_district = ?, respondent_street = ?, platform_name = ?, not_accepted_ground = ?,
                    answer = ?, registered_at = ?
                where case_number = ?""",
                caseType, category, respondent.name(), respondent.address(), respondent.district(),
                respondent.street(), respondent.platformName(), notAcceptedGround, answer, UtcColumns.toColumn(at), caseNumber);
    }

    /** @param operator who completed the registration task, null when it was completed unclaimed by no user */
    public void recordRegisteredBy(String caseNumber, String operator) {
        update(caseNumber, "update case_file set registered_by = ? where case_number = ?", operator, caseNumber);
    }

    /**
     * Splits a submission that is both complaint and report: the case stays the complaint and a new,
     * linked case takes the report, numbered by the same day of receipt, with the complaint's repeat-caller keys
     * so that later calls find it too, and registered with it by the same operator. Returns the new case's number.
     */
    public String splitOffReport(String caseNumber) {
        CaseFile complaint = find(caseNumber).orElseThrow(() -> unknown(caseNumber));
        String reportNumber = caseNumbers.next(complaint.receivedAt());
        jdbc.sql("""
                insert into case_file (case_number, channel, status, case_type, category,
                    complainant_name, complainant_phone, complainant_address, complainant_email,
                    respondent_name, respondent_address, respondent_district, respondent_street, platform_name,
                    description, claim, amount, occurred_at, work_order_due_at, linked_case_number, received_at,
                    registered_at, registered_by, phone_key, parties_key)
                select ?, channel, status, 'REPORT', category,
                    complainant_name, complainant_phone, complainant_address, complainant_email,
                    respondent_name, respondent_address, respondent_district, respondent_street, platform_name,
                    description, claim, amount, occurred_at, work_order_due_at, case_number, received_at,
                    registered_at, registered_by, phone_key, parties_key
                from case_file where case_number = ?""")
                .params(reportNumber, complaint.caseNumber())
                .update();
        update(caseNumber, "update case_file set case_type = 'COMPLAINT', linked_case_number = ? where case_number = ?",
                reportNumber, caseNumber);
        return reportNumber;
    }

    public void attachProcessInstance(String caseNumber, String processInstanceId) {
        update(caseNumber, "update case_file set process_instance_id = ? where case_number = ?",
                processInstanceId, caseNumber);
    }

    public void recordForwarded(String caseNumber, String unit, String unitName, Instant at) {
        update(caseNumber, """
                update case_file set status = ?, handling_unit = ?, handling_unit_name = ?, forwarded_at = ?
                where case_number = ?""",
                CaseStatus.WITH_UNIT.name(), unit, unitName, UtcColumns.toColumn(at), caseNumber);
    }

    /** Routing could not place the case, or a unit without jurisdiction returned it. */
    public void recordAwaitingDispatch(String caseNumber) {
        update(caseNumber, """
                update case_file set status = ?, handling_unit = null, handling_unit_name = null
                where case_number = ?""",
                CaseStatus.AWAITING_DISPATCH.name(), caseNumber);
    }

    /** The unit did not accept the complaint (Measures Art. 15) and told the complainant. */
    public void recordRejection(String caseNumber, String ground) {
        update(caseNumber, "update case_file set not_accepted_ground = ? where case_number = ?", ground, caseNumber);
    }

    public void recordOutcome(String caseNumber, HandlingOutcome outcome, Instant at) {
        update(caseNumber, """
                update case_file set status = ?, handling_outcome = ?, outcome_note = ?, termination_reason = ?,
                    recovered_amount = ?, handled_at = ?
                where case_number = ?""",
                CaseStatus.HANDLED.name(), outcome.outcome(), outcome.note(), outcome.terminationReason(),
                outcome.recoveredAmount(), UtcColumns.toColumn(at), caseNumber);
    }

    public void recordSatisfaction(String caseNumber, String satisfaction) {
        update(caseNumber, "update case_file set satisfaction = ? where case_number = ?", satisfaction, caseNumber);
    }

    public void recordSupervision(String caseNumber) {
        update(caseNumber, """
                update case_file set status = ?, supervision_rounds = supervision_rounds + 1
                where case_number = ?""",
                CaseStatus.UNDER_SUPERVISION.name(), caseNumber);
    }

    /** @param informedBy how the consumer was told a case was not accepted (PHONE, SMS, …), else null */
    public void close(String caseNumber, Closure closure, String informedBy, Instant at) {
        update(caseNumber, """
                update case_file set status = ?, closure = ?, informed_by = ?, closed_at = ?
                where case_number = ?""",
                CaseStatus.CLOSED.name(), closure.name(), informedBy, UtcColumns.toColumn(at), caseNumber);
    }

    @Transactional(readOnly = true)
    public Optional<CaseFile> find(String caseNumber) {
        return jdbc.sql("select * from case_file where case_number = ?")
                .param(caseNumber)
                .query((rs, row) -> read(rs))
                .optional();
    }

    /**
     * The case a channel system submitted under its own reference, and the case linked to it (the report split
     * off a complaint-and-report, which cannot carry the same reference); empty if there is none.
     */
    public List<CaseFile> listByExternalReference(String channel, String externalReference) {
        List<CaseFile> cases = new ArrayList<>();
        findByExternalReference(channel, externalReference).ifPresent(submitted -> {
            cases.add(submitted);
            if (submitted.linkedCaseNumber() != null) {
                find(submitted.linkedCaseNumber()).ifPresent(cases::add);
            }
        });
        return cases;
    }

    /** The case a channel system submitted under its own reference, if there is one. */
    public Optional<CaseFile> findByExternalReference(String channel, String externalReference) {
        return jdbc.sql("select * from case_file where channel = ? and external_reference = ?")
                .params(channel, externalReference)
                .query((rs, row) -> read(rs))
                .optional();
    }

    private void update(String caseNumber, String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() != 1) {
            throw unknown(caseNumber);
        }
    }

    private static IllegalStateException unknown(String caseNumber) {
        return new IllegalStateException("No case file " + caseNumber);
    }

    private static CaseFile read(ResultSet rs) throws SQLException {
        return new CaseFile(
                rs.getString("case_number"),
                rs.getString("process_instance_id"),
                rs.getString("channel"),
                rs.getString("external_reference"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("case_type"),
                rs.getString("category"),
                rs.getString("complainant_name"),
                rs.getString("complainant_phone"),
                new Respondent(rs.getString("respondent_name"), rs.getString("respondent_address"),
                        rs.getString("respondent_district"), rs.getString("respondent_street"),
                        rs.getString("platform_name")),
                rs.getString("description"),
                rs.getString("claim"),
                rs.getBigDecimal("amount"),
                rs.getString("handling_unit"),
                rs.getString("not_accepted_ground"),
                rs.getString("informed_by"),
                rs.getString("answer"),
                new HandlingOutcome(rs.getString("handling_outcome"), rs.getString("outcome_note"),
                        rs.getString("termination_reason"), rs.getBigDecimal("recovered_amount")),
                rs.getString("satisfaction"),
                rs.getInt("supervision_rounds"),
                rs.getBoolean("overdue"),
                rs.getString("closure") == null ? null : Closure.valueOf(rs.getString("closure")),
                rs.getString("linked_case_number"),
                instant(rs, "received_at"),
                instant(rs, "registered_at"),
                instant(rs, "forwarded_at"),
                instant(rs, "handled_at"),
                instant(rs, "closed_at"),
                instant(rs, "work_order_due_at"),
                rs.getString("merged_into"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcColumns.fromColumn(rs.getObject(column, LocalDateTime.class));
    }
}
