package org.casedesk.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * both included) as JSON, or as CSV with {@code format=csv} or {@code Accept: text/csv} — UTF-8 with a byte-order
 * mark so that Excel shows the Chinese header, one row per group. Who may call it: {@link ReportAccess}.
 */
@RestController
class KpiController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

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
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis-%s-%s-%s.csv\""
                            .formatted(from, to, kpis.by()))
                    .body(csv(kpis));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(kpis);
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format == null) {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.equalsTypeAndSubtype(TEXT_CSV));
        }
        return switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json or csv");
        };
    }

    /** The Chinese header, then a row per group: the case figures, then each step's six figures. */
    static byte[] csv(Kpis kpis) {
        List<String> header = new ArrayList<>(List.of("分组", "名称", "受理量", "登记量", "不予受理量", "分送量", "办结量",
                "即时办结量", "即时办结率", "回访量", "满意量", "满意率", "重复来电量", "不满意案件量"));
        List<List<String>> rows = new ArrayList<>();
        for (Kpis.Group group : kpis.groups()) {
            List<String> row = new ArrayList<>(Stream.of(group.key(), group.name(), group.received(),
                    group.registered(), group.notAccepted(), group.forwarded(), group.concluded(),
                    group.instantlyCompleted(), group.instantCompletionRate(), group.revisited(), group.satisfied(),
                    group.satisfactionRate(), group.repeatCalls(), group.dissatisfiedCases())
                    .map(KpiController::cell).toList());
            for (Kpis.Step step : group.steps()) {
                row.addAll(Stream.of(step.finished(), step.onTime(), step.onTimeRate(), step.overdue(),
                        step.medianWorkingDays(), step.p90WorkingDays()).map(KpiController::cell).toList());
            }
            rows.add(row);
        }
        if (!kpis.groups().isEmpty()) {
            for (Kpis.Step step : kpis.groups().get(0).steps()) {
                String name = step.name();
                header.addAll(List.of(name + "完成量", name + "按时完成量", name + "按时率", name + "超期量",
                        name + "用时中位数（工作日）", name + "用时90百分位（工作日）"));
            }
        }
        String text = Stream.concat(Stream.of(header), rows.stream())
                .map(row -> row.stream().map(KpiController::quoted).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static String quoted(String cell) {
        return cell.matches("(?s).*[\",\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
