package org.casedesk.registration;

import org.springframework.stereotype.Service;

/**
 * The registration rule (登记): checks an operator's classification against the registration lists and
 * decides where the case goes. Pure logic, so it is tested without an engine.
 */
@Service
public class RegistrationService {

    private final RegistrationLists lists;

    public RegistrationService(RegistrationLists lists) {
        this.lists = lists;
    }

    /**
     * @param mergeInto the open case a repeat call is merged into ({@code Task_MergeCase} checks it is one the
     *     case was linked to), or null to keep the case as its own. Only a complaint or a report to be forwarded
     *     may be merged: merging would drop the answer of a consultation or suggestion, the report half of a
     *     complaint-and-report, or the negative-list decision, so those combinations are refused.
     * @throws IllegalArgumentException naming the field when the classification is incomplete or not on
     *     the lists; the operator's task then stays open with that message
     */
    public RegistrationDecision decide(String caseType, String category, String notAcceptedGround, String answer,
            String mergeInto) {
        RegistrationDecision decision = classify(caseType, category, notAcceptedGround, answer);
        if (mergeInto == null) {
            return decision;
        }
        return switch (decision) {
            case FORWARD -> RegistrationDecision.MERGED;
            case NOT_ACCEPTED -> throw new IllegalArgumentException("mergeInto (合并到已有案件) and notAcceptedGround"
                    + " (不予受理理由) exclude each other: choose one of them");
            case SPLIT -> throw new IllegalArgumentException("mergeInto (合并到已有案件) cannot take a caseType (类型)"
                    + " COMPLAINT_AND_REPORT, whose report half would be lost: register it as a case of its own, or"
                    + " merge it as COMPLAINT or REPORT");
            default -> throw new IllegalArgumentException("mergeInto (合并到已有案件) cannot take a caseType (类型)"
                    + " " + caseType + ", whose answer would be lost: answer it here and leave mergeInto empty");
        };
    }

    private RegistrationDecision classify(String caseType, String category, String notAcceptedGround, String answer) {
        if (caseType == null) {
            throw new IllegalArgumentException("caseType (类型) is required");
        }
        if (!lists.isCategory(category)) {
            throw new IllegalArgumentException("category (分类) is not on the category list: " + category);
        }
        return switch (caseType) {
            case "CONSULTATION", "SUGGESTION" -> {
                if (answer == null) {
                    throw new IllegalArgumentException("answer (答复内容) is required for a " + caseType);
                }
                yield RegistrationDecision.ANSWERED;
            }
            case "COMPLAINT", "REPORT", "COMPLAINT_AND_REPORT" -> {
                if (notAcceptedGround != null) {
                    if (!lists.isNotAcceptedGround(notAcceptedGround)) {
                        throw new IllegalArgumentException(
                                "notAcceptedGround (不予受理理由) is not on the negative list: " + notAcceptedGround);
                    }
                    yield RegistrationDecision.NOT_ACCEPTED;
                }
                yield "COMPLAINT_AND_REPORT".equals(caseType) ? RegistrationDecision.SPLIT : RegistrationDecision.FORWARD;
            }
            default -> throw new IllegalArgumentException("caseType (类型) is unknown: " + caseType);
        };
    }
}
