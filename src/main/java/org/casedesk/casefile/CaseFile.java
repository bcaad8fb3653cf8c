package org.casedesk.casefile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code case_file}, as read back.
 *
 * @param workOrderDueAt a 12345 work order's own deadline, null for other channels
 * @param mergedInto the open case a repeat call was merged into at registration
 */
public record CaseFile(
        String caseNumber,
        String processInstanceId,
        String channel,
        String externalReference,
        CaseStatus status,
        String caseType,
        String category,
        String complainantName,
        String complainantPhone,
        Respondent respondent,
        String description,
        String claim,
        BigDecimal amount,
        String handlingUnit,
        String notAcceptedGround,
        String informedBy,
        String answer,
        HandlingOutcome handlingOutcome,
        String satisfaction,
        int supervisionRounds,
        boolean overdue,
        Closure closure,
        String linkedCaseNumber,
        Instant receivedAt,
        Instant registeredAt,
        Instant forwardedAt,
        Instant handledAt,
        Instant closedAt,
        Instant workOrderDueAt,
        String mergedInto) {
}
