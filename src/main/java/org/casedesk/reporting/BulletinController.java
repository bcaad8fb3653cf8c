package org.casedesk.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weekly bulletin and the monthly analysis on demand, for any period: {@code GET /api/v1/reports/bulletin} as
 * one HTML file with its charts inside ({@code data:} URIs), to view or, with {@code download=true}, to save; and
 * each chart alone, {@code GET /api/v1/reports/charts/{name}.png}, for the supervisors' dashboard. The period is
 * {@code week} (a Monday), {@code month} ({@code 2026-11}) or {@code from} and {@code to} (Shanghai dates, both
 * included). Who may call it: {@link ReportAccess}. Bad parameters answer 400 (problem+json) naming the parameter
 * and the reason.
 */
@RestController
@RequestMapping("/api/v1/reports")
class BulletinController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /**
     * The report opens in the browser under our origin and shows respondents' names as typed in from complaints: it
     * may show its {@code data:} images and inline styles and nothing else (no script, frame or request), should a
     * name ever slip through escaping.
     */
    private static final String REPORT_ONLY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
    /**
     * A chart holds figures of units, categories and businesses, no consumer's data, and the dashboard asks for the
     * same ones on every visit: the browser may keep them a few minutes, shared caches not at all.
     */
    private static final CacheControl CHART_CACHING = CacheControl.maxAge(5, TimeUnit.MINUTES).cachePrivate();

    private final PeriodicReports reports;
    private final CentreDays centreDays;

    BulletinController(PeriodicReports reports, CentreDays centreDays) {
        this.reports = reports;
        this.centreDays = centreDays;
    }

    @GetMapping("/bulletin")
    ResponseEntity<String> bulletin(@RequestParam(required = false) String week,
            @RequestParam(required = false) String month, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String download) {
        ReportPeriod period = period(week, month, from, to);
        ContentDisposition disposition = (download(download) ? ContentDisposition.attachment()
                : ContentDisposition.inline())
                .filename(period.fileName()).build();
        return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", REPORT_ONLY)
                .body(reports.download(period));
    }

    @GetMapping("/charts/{name}.png")
    ResponseEntity<byte[]> chart(@PathVariable String name, @RequestParam(required = false) String week,
            @RequestParam(required = false) String month, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) {
        ReportCharts.Chart chart = ReportCharts.Chart.named(name);
        byte[] png = reports.chart(period(week, month, from, to), chart);
        // replaces ApiHeaders' no-store (ResponseEntity.cacheControl would add a second Cache-Control beside it)
        response.setHeader(HttpHeaders.CACHE_CONTROL, CHART_CACHING.getHeaderValue());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    /**
     * Exactly one of {@code week}, {@code month}, or {@code from} with {@code to}, within the days the reports cover
     * (the KPI queries refuse others, and would otherwise fail inside).
     */
    private ReportPeriod period(String week, String month, String from, String to) {
        ReportPeriod period = parse(week, month, from, to);
        CentreDays.Range covered = centreDays.range();
        if (!covered.contains(period.from()) || !covered.contains(period.to())) {
            throw new ReportParameterException("期间", period.from() + " 至 " + period.to() + " 超出报表覆盖的 "
                    + covered.first() + " 至 " + covered.last() + "（工作日历的年份）");
        }
        return period;
    }

    private static ReportPeriod parse(String week, String month, String from, String to) {
        int given = (week == null ? 0 : 1) + (month == null ? 0 : 1) + (from == null && to == null ? 0 : 1);
        if (given != 1) {
            throw new ReportParameterException("期间", "应给出 week（星期一）、month（yyyy-MM）或 from 与 to（yyyy-MM-dd）中的一种");
        }
        if (week != null) {
            return ReportPeriod.week(date("week", week));
        }
        if (month != null) {
            try {
                return ReportPeriod.month(YearMonth.parse(month));
            } catch (DateTimeParseException e) {
                throw new ReportParameterException("month", month + " 应为 yyyy-MM，如 2026-11");
            }
        }
        if (from == null || to == null) {
            throw new ReportParameterException(from == null ? "from" : "to", "缺少，from 与 to 须同时给出");
        }
        return ReportPeriod.onDemand(date("from", from), date("to", to));
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ReportParameterException(parameter, value + " 应为 yyyy-MM-dd，如 2026-11-16");
        }
    }

    /** Only {@code true} or {@code false}, so that a typo is refused naming the parameter rather than ignored. */
    private static boolean download(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ReportParameterException("download", value + " 应为 true 或 false");
    }

    /** Only a bad parameter is the caller's fault; any other exception stays a 500, its message in the log only. */
    @ExceptionHandler(ReportParameterException.class)
    ResponseEntity<ProblemDetail> badRequest(ReportParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("报表参数有误");
        problem.setProperty("parameter", e.parameter());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
