package org.casedesk.workorder;

import java.math.BigDecimal;
import java.time.Instant;

import org.casedesk.casefile.CaseFile;

/**
 * What the 12345 system is told when its work order's case closes, as JSON: how the case ended, the unit's outcome
 * and the consumer's satisfaction at the revisit. Repeated deliveries (a retry after a lost answer) carry the same
 * {@code workOrderId} and {@code caseNumber}, so the receiver can recognise them.
 *
 * @param closure how the case ended: ANSWERED, NOT_ACCEPTED, REJECTED_BY_UNIT, RESOLVED, DISSATISFIED, UNREACHABLE
 * @param handlingOutcome the unit's outcome (MEDIATED_AGREEMENT, NO_AGREEMENT, TERMINATED, CASE_OPENED,
 *                        CASE_NOT_OPENED), null when the case never reached a unit
 * @param satisfaction VERY_SATISFIED, SATISFIED, NEUTRAL or DISSATISFIED; null when the consumer was not reached
 */
record WorkOrderReply(
        String workOrderId,
        String caseNumber,
        String closure,
        String handlingOutcome,
        String outcomeNote,
        BigDecimal recoveredAmount,
        String notAcceptedGround,
        String answer,
        String satisfaction,
        String handlingUnit,
        Instant receivedAt,
        Instant closedAt) {

    static WorkOrderReply of(String workOrderId, CaseFile caseFile) {
        if (caseFile.closure() == null) {
            throw new IllegalStateException("Case " + caseFile.caseNumber() + " is not closed; 12345 is answered at closure");
        }
        return new WorkOrderReply(workOrderId, caseFile.caseNumber(), caseFile.closure().name(),
                caseFile.handlingOutcome().outcome(), caseFile.handlingOutcome().note(),
                caseFile.handlingOutcome().recoveredAmount(), caseFile.notAcceptedGround(), caseFile.answer(),
                caseFile.satisfaction(), caseFile.handlingUnit(), caseFile.receivedAt(), caseFile.closedAt());
    }
}
