package org.casedesk.workorder;

import java.math.BigDecimal;
import java.time.Instant;

import org.casedesk.casefile.CaseFile;

/**
 * What the 12345 system is told when its work order's case closes, as JSON: how the case ended, the unit's outcome
 * and the consumer's satisfaction at the revisit. Repeated deliveries (a retry after a lost answer) carry the same
 * {@code workOrderId} and {@code caseNumber}, so the receiver can recognise them.
 *
 * @param closure how the case ended: ANSWERED, NOT_ACCEPTED, REJECTED_BY_UNIT, RESOLVED, DISSATISFIED, UNREACHABLE,
 *                MERGED (a repeat call merged into the caller's open case, whose result follows with that case)
 * @param mergedInto with MERGED, the case the work order was merged into
 * @param linkedCaseNumber the report split off the work order at registration, which goes on as a case of its own
 * @param handlingOutcome the unit's outcome (MEDIATED_AGREEMENT, NO_AGREEMENT, TERMINATED, CASE_OPENED,
 *                        CASE_NOT_OPENED), null when the case never reached a unit
 * @param satisfaction VERY_SATISFIED, SATISFIED, NEUTRAL or DISSATISFIED; null when the consumer was not reached
 * @param overdue whether any step of the case passed its deadline
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
        String mergedInto,
        String linkedCaseNumber,
        boolean overdue,
        Instant receivedAt,
        Instant closedAt) {

    static WorkOrderReply of(String workOrderId, CaseFile caseFile) {
        if (caseFile.closure() == null) {
            throw new IllegalStateException("Case " + caseFile.caseNumber() + " is not closed; 12345 is answered at"
                    + " closure");
        }
        return new WorkOrderReply(workOrderId, caseFile.caseNumber(), caseFile.closure().name(),
                caseFile.handlingOutcome().outcome(), caseFile.handlingOutcome().note(),
                caseFile.handlingOutcome().recoveredAmount(), caseFile.notAcceptedGround(), caseFile.answer(),
                caseFile.satisfaction(), caseFile.handlingUnit(), caseFile.mergedInto(),
                caseFile.linkedCaseNumber(), caseFile.overdue(),
                caseFile.receivedAt(), caseFile.closedAt());
    }
}
