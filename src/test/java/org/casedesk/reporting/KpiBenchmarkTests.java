package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casedesk.casefile.UtcColumns.toColumn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test but the benchmark of issue 7: 100,000 cases received over 2026, each with four deadline steps and its
 * registration in the engine's history, inserted by multi-row SQL; then the month's KPIs over HTTP, five times per
 * grouping after one uncounted call, and the median printed. Runs only when asked:
 * {@code ./mvnw -B -ntp test -Pmysql -Dtest=KpiBenchmarkTests -Dcasedesk.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "casedesk.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class KpiBenchmarkTests {

    private static final int CASES = 100_000;
    private static final int ROWS_PER_INSERT = 500;
    private static final Instant YEAR_START = Instant.parse("2025-12-31T16:00:00Z"); // 2026-01-01 in Shanghai
    private static final String[] CHANNELS = {"PHONE", "INTERNET", "LETTER", "VISIT", "HOTLINE_12345", "TV_315"};
    private static final String[] CATEGORIES = {"FOOD", "HOME_APPLIANCE", "PREPAID_CARD", "ONLINE_SHOPPING",
            "TELECOM_SERVICE", "EDUCATION_TRAINING", "TRAVEL", "CATERING_LODGING", "COSMETICS", "OTHER"};
    private static final String[] SATISFACTION = {"VERY_SATISFIED", "SATISFIED", "SATISFIED", "NEUTRAL",
            "DISSATISFIED", null};
    private static final String[] STEPS = {"REGISTRATION", "ACCEPTANCE", "MEDIATION", "REVISIT"};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "kpi-benchmark");
    }

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @Test
    void monthOfKpisOverAHundredThousandCases() {
        long insertStarted = System.nanoTime();
        insertCases();
        System.out.printf("KPI benchmark on %s: %,d cases inserted in %d s%n", TestDatabase.isMysql() ? "MySQL" : "H2",
                CASES, (System.nanoTime() - insertStarted) / 1_000_000_000);
        for (String by : List.of("none", "unit", "operator")) {
            kpisOfJune(by); // a first call warms the JIT and the database's buffers; it is not counted
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long started = System.nanoTime();
                kpisOfJune(by);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            Collections.sort(millis);
            System.out.printf("KPI benchmark: June 2026 by=%s, median of 5 runs %d ms (runs %s)%n", by,
                    millis.get(2), millis);
        }
    }

    private void kpisOfJune(String by) {
        ResponseEntity<String> response = http.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/v1/reports/kpis?from=2026-06-01&to=2026-06-30&by=" + by, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Case i is received at an even spread over the year; the rest follows from a seeded random. */
    private void insertCases() {
        Random random = new Random(12315);
        long spacingSeconds = ChronoUnit.SECONDS.between(YEAR_START, YEAR_START.plus(365, ChronoUnit.DAYS)) / CASES;
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String caseNumber = "BM%08d".formatted(i);
            String processInstance = "bench-" + i;
            Instant received = YEAR_START.plusSeconds(i * spacingSeconds);
            Instant registered = received.plus(random.nextInt(240), ChronoUnit.MINUTES);
            boolean forwarded = random.nextInt(10) < 8;
            Instant handled = registered.plus(1 + random.nextInt(20), ChronoUnit.DAYS);
            Instant closed = random.nextInt(20) == 0 ? null
                    : forwarded ? handled.plus(random.nextInt(4), ChronoUnit.DAYS) : registered;
            String satisfaction = forwarded && closed != null ? SATISFACTION[random.nextInt(SATISFACTION.length)] : null;
            int unit = random.nextInt(16);
            cases.add(new Object[] {caseNumber, processInstance, CHANNELS[random.nextInt(CHANNELS.length)],
                    closed == null ? "WITH_UNIT" : "CLOSED", CATEGORIES[random.nextInt(CATEGORIES.length)],
                    forwarded ? "3101%02d".formatted(unit) : null, forwarded ? "单位" + unit : null,
                    satisfaction, "DISSATISFIED".equals(satisfaction) ? 1 : 0,
                    closed == null ? null : forwarded ? "RESOLVED" : "ANSWERED", random.nextInt(20) == 0,
                    toColumn(received), toColumn(registered), forwarded ? toColumn(registered) : null,
                    toColumn(closed)});
            tasks.add(new Object[] {"bench-task-" + i, processInstance, "Task_RegisterCase",
                    "operator" + random.nextInt(12), toColumn(received), toColumn(registered)});
            Instant started = received;
            Instant finished = registered;
            for (String step : STEPS) {
                if (!forwarded && !step.equals("REGISTRATION") || finished == null || closed == null && step.equals("REVISIT")) {
                    break;
                }
                Instant due = started.plus(1 + random.nextInt(10), ChronoUnit.DAYS);
                steps.add(new Object[] {caseNumber + "-" + step, caseNumber, step, toColumn(started), toColumn(due),
                        toColumn(finished), finished.isAfter(due) ? toColumn(due) : null});
                started = finished;
                finished = step.equals("ACCEPTANCE") ? handled : step.equals("MEDIATION") ? closed
                        : started.plus(random.nextInt(3), ChronoUnit.DAYS);
            }
        }
        insert("""
                case_file (case_number, process_instance_id, channel, status, category, handling_unit,
                handling_unit_name, satisfaction, supervision_rounds, closure, repeat_call, received_at, registered_at,
                forwarded_at, closed_at)""", 15, cases);
        insert("ACT_HI_TASKINST (ID_, PROC_INST_ID_, TASK_DEF_KEY_, ASSIGNEE_, START_TIME_, END_TIME_)", 6, tasks);
        insert("case_deadline (activity_instance_id, case_number, deadline, started_at, due_at, finished_at, overdue_at)",
                7, steps);
    }

    private void insert(String tableAndColumns, int columns, List<Object[]> rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            jdbc.update("insert into " + tableAndColumns + " values "
                    + String.join(", ", Collections.nCopies(chunk.size(), row)),
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }
}
