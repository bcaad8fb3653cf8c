package org.casedesk.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/reports/kpis?from=2026-11-01&to=2026-11-30&by=unit}: the KPIs of a period (Shanghai dates,
 * both included) as JSON, or as {@link Csv} with {@code format=csv} or {@code Accept: text/csv}, one row per group.
 * Who may call it: {@link ReportAccess}.
 */
@RestController
class KpiController {

    private final KpiQueries queries;

    KpiController(KpiQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/reports/kpis")
    ResponseEntity<?> kpis(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "none") String by, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Kpis kpis;
        try {
            kpis = queries.kpis(from, to, Grouping.of(by));
        } catch (IllegalArgumentException badRequest) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, badRequest.getMessage());
        }
        if (Csv.wanted(format, accept)) {
            return Csv.attachment("kpis-%s-%s-%s.csv".formatted(from, to, kpis.by()), header(kpis), rows(kpis));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(kpis);
    }

    /** The Chinese header: the case figures, then each step's six figures. */
    private static List<String> header(Kpis kpis) {
        List<String> header = new ArrayList<>(List.of("分组", "名称", "受理量", "登记量", "不予受理量", "其中承办单位不予受理量",
                "分送量", "办结量", "即时办结量", "即时办结率", "回访量", "满意量", "满意率", "重复来电量", "不满意案件量"));
        if (!kpis.groups().isEmpty()) {
            for (Kpis.Step step : kpis.groups().get(0).steps()) {
                String name = step.name();
                header.addAll(List.of(name + "完成量", name + "按时完成量", name + "按时率", name + "超期量",
                        name + "用时中位数（工作日）", name + "用时90百分位（工作日）"));
            }
        }
        return header;
    }

    /** A row per group, in the order of the header. */
    private static List<List<Object>> rows(Kpis kpis) {
        List<List<Object>> rows = new ArrayList<>();
        for (Kpis.Group group : kpis.groups()) {
            List<Object> row = new ArrayList<>(Arrays.asList(group.key(), group.name(), group.received(),
                    group.registered(), group.notAccepted(), group.notAcceptedByUnit(), group.forwarded(),
                    group.concluded(), group.instantlyCompleted(), group.instantCompletionRate(), group.revisited(),
                    group.satisfied(), group.satisfactionRate(), group.repeatCalls(), group.dissatisfiedCases()));
            for (Kpis.Step step : group.steps()) {
                row.addAll(Arrays.asList(step.finished(), step.onTime(), step.onTimeRate(), step.overdue(),
                        step.medianWorkingDays(), step.p90WorkingDays()));
            }
            rows.add(row);
        }
        return rows;
    }
}
