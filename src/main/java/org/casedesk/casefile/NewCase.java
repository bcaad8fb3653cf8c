package org.casedesk.casefile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The facts a case arrives with at intake, before anyone has registered it.
 *
 * @param externalReference the channel system's own reference (intake API), null for cases staff take
 * @param occurredAt when the consumer's problem happened, if the channel system says
 * @param workOrderDueAt a 12345 work order's own deadline, null for other channels
 * @param categoryHint the category the submission gave, which the operator confirms at registration
 */
public record NewCase(
        String channel,
        String externalReference,
        Instant receivedAt,
        String complainantName,
        String complainantPhone,
        String complainantAddress,
        String complainantEmail,
        Respondent respondent,
        String description,
        String claim,
        BigDecimal amount,
        Instant occurredAt,
        Instant workOrderDueAt,
        String categoryHint) {
}
