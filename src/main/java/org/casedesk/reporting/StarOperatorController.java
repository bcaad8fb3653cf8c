package org.casedesk.reporting;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/star-operators?month=2026-11}: the star operators (星级话务员) of a Shanghai calendar
 * month, ranked, as JSON, or as {@link Csv} with {@code format=csv} or {@code Accept: text/csv}. Who may call it:
 * {@link ReportAccess}.
 */
@RestController
class StarOperatorController {

    private final StarRatings ratings;

    StarOperatorController(StarRatings ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/api/v1/reports/star-operators")
    ResponseEntity<?> starOperators(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        StarOperators report = ratings.of(month);
        if (Csv.wanted(format, accept)) {
            return Csv.attachment("star-operators-" + month + ".csv", List.of("排名", "话务员", "姓名", "星级", "登记量",
                    "回访量", "工作量", "按时量", "按时率", "回访接通量", "满意量", "满意率", "督办退回量", "督办退回率"),
                    report.operators().stream().map(operator -> Arrays.<Object>asList(operator.rank(),
                            operator.operator(), operator.name(), operator.stars(), operator.registered(),
                            operator.revisits(), operator.volume(), operator.onTime(), operator.onTimeRate(),
                            operator.reached(), operator.satisfied(), operator.satisfactionRate(), operator.reopened(),
                            operator.reopenedShare())).toList());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
