package org.casedesk.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseStatus;

/**
 * What a channel system may read of a case: where it stands and when it passed each step. No personal data and
 * nothing of the handling itself, which stays with the centre. A repeat call merged into another case at
 * registration (closure {@code MERGED}) names that case in {@code mergedInto} and in its status name, since its
 * result comes with that case.
 */
record CaseStatusView(String caseNumber, String channel, String externalReference, String linkedCaseNumber,
        String mergedInto, CaseStatus status, String statusName, String closure, List<Step> history) {

    static final Map<CaseStatus, String> STATUS_NAMES = Map.of(
            CaseStatus.RECEIVED, "已受理，待登记",
            CaseStatus.AWAITING_DISPATCH, "待分送",
            CaseStatus.WITH_UNIT, "承办单位办理中",
            CaseStatus.HANDLED, "已办理，待回访",
            CaseStatus.UNDER_SUPERVISION, "督办中",
            CaseStatus.CLOSED, "已办结");

    /** One step the case has passed, e.g. {@code REGISTERED 登记} and when. */
    record Step(String step, String name, Instant at) {
    }

    static CaseStatusView of(CaseFile caseFile) {
        List<Step> history = new ArrayList<>();
        add(history, "RECEIVED", "受理", caseFile.receivedAt());
        add(history, "REGISTERED", "登记", caseFile.registeredAt());
        add(history, "FORWARDED", "分送", caseFile.forwardedAt());
        add(history, "HANDLED", "承办完成", caseFile.handledAt());
        add(history, "CLOSED", "办结", caseFile.closedAt());
        return new CaseStatusView(caseFile.caseNumber(), caseFile.channel(), caseFile.externalReference(),
                caseFile.linkedCaseNumber(), caseFile.mergedInto(), caseFile.status(), statusName(caseFile),
                caseFile.closure() == null ? null : caseFile.closure().name(), history);
    }

    private static String statusName(CaseFile caseFile) {
        return caseFile.mergedInto() == null ? STATUS_NAMES.get(caseFile.status()) : "已并入案件 " + caseFile.mergedInto();
    }

    private static void add(List<Step> history, String step, String name, Instant at) {
        if (at != null) {
            history.add(new Step(step, name, at));
        }
    }
}
