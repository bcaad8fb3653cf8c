package org.casedesk.intake;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A case as a channel system submits it to {@code POST /api/v1/cases}. Field names are the JSON names; unknown
 * fields are refused. What is required depends on the type (Measures Art. 9), see {@link IntakeRules}.
 *
 * @param type COMPLAINT, REPORT, COMPLAINT_AND_REPORT, CONSULTATION or SUGGESTION; a hint the operator confirms
 *             at registration; without it the case is taken as a complaint, whose rules are the strictest
 * @param category a category of the registration lists, also a hint
 * @param occurredAt when the consumer's problem happened, with its offset (e.g. {@code 2026-11-20T10:00:00+08:00})
 * @param workOrderDueAt a 12345 work order's own deadline, with its offset; required for {@code HOTLINE_12345},
 *                       whose {@code externalReference} is the work order's id, and refused for other channels
 */
record IntakeRequest(
        String channel,
        String externalReference,
        String type,
        String category,
        Complainant complainant,
        Respondent respondent,
        String description,
        String claim,
        BigDecimal amount,
        OffsetDateTime occurredAt,
        OffsetDateTime workOrderDueAt) {

    /** Who complains or reports; may be left out for an anonymous report. */
    record Complainant(String name, String phone, String address, String email) {
    }

    /** Whom the case is about; {@code district} is a GB/T 2260 code of a Shanghai district. */
    record Respondent(String name, String address, String district, String street, String platform) {
    }
}
