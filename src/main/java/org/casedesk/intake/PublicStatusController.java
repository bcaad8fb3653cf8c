package org.casedesk.intake;

import java.time.Instant;
import java.util.List;

import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.intake.StatusLookup.Result;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /public/v1/cases/{caseNumber}?phone=5678}: the one thing anyone may ask without logging in — where
 * a case stands, given its number and the last four digits of the phone it was filed with. The answer holds
 * status and dates only; 404 says the same for a wrong pair as for an unknown case; 429 after too many failures.
 */
@RestController
class PublicStatusController {

    private final StatusLookup lookup;

    PublicStatusController(StatusLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * A case as its consumer may see it: no names, no phone, no unit. A repeat call merged into the consumer's other
     * case names it ({@code mergedInto}, and the status name 已并入案件 …), whose status tells the rest.
     */
    record PublicStatus(String caseNumber, CaseStatus status, String statusName, String mergedInto, Instant receivedAt,
            Instant closedAt, List<CaseStatusView.Step> history) {

        static PublicStatus of(CaseFile caseFile) {
            CaseStatusView view = CaseStatusView.of(caseFile);
            return new PublicStatus(view.caseNumber(), view.status(), view.statusName(), view.mergedInto(),
                    caseFile.receivedAt(), caseFile.closedAt(), view.history());
        }
    }

    @GetMapping("/public/v1/cases/{caseNumber}")
    ResponseEntity<?> status(@PathVariable String caseNumber, @RequestParam(required = false) String phone,
            HttpServletRequest request) {
        Result result = lookup.find(request.getRemoteAddr(), caseNumber, phone);
        if (result instanceof Result.Found found) {
            return ResponseEntity.ok(PublicStatus.of(found.caseFile()));
        }
        if (result instanceof Result.Throttled throttled) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()))
                    .body(problem(HttpStatus.TOO_MANY_REQUESTS, "查询失败次数过多，请 " + throttled.retryAfter().toMinutes()
                            + " 分钟后再试"));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "没有与此案件编号和电话后四位相符的案件"));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
