package org.casedesk.casefile;

import java.math.BigDecimal;

/**
 * What the unit recorded after mediating a complaint or verifying a report.
 *
 * @param outcome MEDIATED_AGREEMENT, NO_AGREEMENT or TERMINATED for a complaint; CASE_OPENED or
 *     CASE_NOT_OPENED for a report
 * @param terminationReason why mediation was terminated, when it was
 * @param recoveredAmount the consumer's loss recovered, in yuan (挽回经济损失)
 */
public record HandlingOutcome(String outcome, String note, String terminationReason, BigDecimal recoveredAmount) {
}
