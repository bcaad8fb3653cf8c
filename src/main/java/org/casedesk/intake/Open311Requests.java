package org.casedesk.intake;

import static org.casedesk.casefile.UtcColumns.fromColumn;
import static org.casedesk.casefile.UtcColumns.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.casedesk.casefile.CaseStatus;
import org.casedesk.deadline.DeadlineFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases an Open311 client filed, as {@code GET requests} shows them: only those of its channel under its own
 * reference prefix (not another client's, not the intake API's), selected and cut in SQL (index of
 * {@code V8__open311_index.sql}), with only what the answer shows — no personal data is read at all.
 */
@Repository
@Transactional(readOnly = true)
class Open311Requests {

    /** A case's service code: its registered category, or before registration the category the submission gave. */
    private static final String SERVICE_CODE = "coalesce(c.category, c.category_hint)";
    private static final String SELECT = """
            select c.case_number, c.status, c.merged_into, c.handling_unit_name, c.received_at, c.registered_at,
                c.forwarded_at, c.handled_at, c.closed_at, %s as service_code
            from case_file c
            where c.channel = :channel and c.external_reference like :referencePattern""".formatted(SERVICE_CODE);

    /**
     * A request as Open311 shows it.
     *
     * @param agencyResponsible the handling unit's name, while a unit has the case
     * @param updatedAt when the case last passed a step
     * @param expectedAt when its open step falls due, if it has one
     * @param mergedInto the case a repeat call was merged into
     */
    record Open311Request(String caseNumber, CaseStatus status, String serviceCode, String agencyResponsible,
            String mergedInto, Instant receivedAt, Instant updatedAt, Instant expectedAt) {

        Open311Request expecting(Instant dueAt) {
            return new Open311Request(caseNumber, status, serviceCode, agencyResponsible, mergedInto, receivedAt,
                    updatedAt, dueAt);
        }
    }

    private final JdbcClient jdbc;
    private final DeadlineFacts deadlines;

    Open311Requests(JdbcClient jdbc, DeadlineFacts deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /**
     * The client's cases received from {@code from} to {@code to} (both included), newest first, at most
     * {@code limit}.
     *
     * @param closed true for closed cases only, false for open ones only, null for both
     * @param serviceCode only the cases of this service, or null for all
     */
    List<Open311Request> received(Open311Clients.Client client, Instant from, Instant to, Boolean closed,
            String serviceCode, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" and c.received_at >= :from and c.received_at <= :to");
        if (closed != null) {
            sql.append(closed ? " and c.status = :closedStatus" : " and c.status <> :closedStatus");
        }
        if (serviceCode != null) {
            sql.append(" and ").append(SERVICE_CODE).append(" = :serviceCode");
        }
        sql.append(" order by c.received_at desc, c.case_number desc limit :limit");
        return withDeadlines(jdbc.sql(sql.toString()).param("channel", client.channel())
                .param("referencePattern", client.referencePrefix() + "%").param("from", toColumn(from))
                .param("to", toColumn(to)).param("closedStatus", CaseStatus.CLOSED.name()).param("serviceCode", serviceCode)
                .param("limit", limit).query((rs, row) -> read(rs)).list());
    }

    /** Those of these cases that are the client's, in the order given. */
    List<Open311Request> byCaseNumbers(Open311Clients.Client client, List<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        Map<String, Open311Request> found = jdbc.sql(SELECT + " and c.case_number in (:caseNumbers)")
                .param("channel", client.channel()).param("referencePattern", client.referencePrefix() + "%")
                .param("caseNumbers", caseNumbers).query((rs, row) -> read(rs)).list().stream()
                .collect(Collectors.toMap(Open311Request::caseNumber, Function.identity()));
        return withDeadlines(caseNumbers.stream().map(found::get).filter(Objects::nonNull).toList());
    }

    private List<Open311Request> withDeadlines(List<Open311Request> requests) {
        Map<String, Instant> dueAt = deadlines.openDueAt(requests.stream().map(Open311Request::caseNumber).toList());
        return requests.stream().map(request -> request.expecting(dueAt.get(request.caseNumber()))).toList();
    }

    private static Open311Request read(ResultSet rs) throws SQLException {
        Instant received = instant(rs, "received_at");
        Instant updated = Stream.of(received, instant(rs, "registered_at"), instant(rs, "forwarded_at"),
                instant(rs, "handled_at"), instant(rs, "closed_at")).filter(Objects::nonNull)
                .max(Instant::compareTo).orElseThrow();
        return new Open311Request(rs.getString("case_number"), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("service_code"), rs.getString("handling_unit_name"), rs.getString("merged_into"),
                received, updated, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return fromColumn(rs.getObject(column, LocalDateTime.class));
    }
}
