package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The star operators of November 2026 over eight cases run through {@code processes/case-lifecycle.bpmn} with the
 * engine clock moved, rated by thresholds of this test (below) that the figures meet exactly at several edges.
 * Times are Shanghai times; November 2026 has no holiday. Registration is due the day it arrives, a revisit within
 * three working days of the outcome.
 * <pre>
 * case  received           registered by              revisits (operator, result)
 * K0    Fri 10-30 10:00    operator  10-30 10:30      agreement Mon 11-02 11:00; operator2 Mon 11-09 SATISFIED, late
 * K1    Mon 11-02 09:00    operator  09:30            agreement Wed 11-04; operator2 Thu 11-05 SATISFIED
 * K2    Mon 11-09 09:00    operator  Tue 11-10, late  agreement Thu 11-12; operator Fri 11-13 VERY_SATISFIED
 * K3    Mon 11-16 09:00    operator  09:30            agreement Wed 11-18; operator2 Thu 11-19 DISSATISFIED, back to
 *                                                     the unit under supervision, agreement Fri 11-20; operator2
 *                                                     Mon 11-23 NEUTRAL
 * K4    Tue 11-17 09:00    operator  09:30            a consultation answered
 * K5    Tue 11-17 09:00    operator2 10:00            agreement Thu 11-19; operator2 Fri 11-20 10:00 UNREACHABLE,
 *                                                     15:00 SATISFIED
 * K6    Wed 11-18 09:00    operator3 09:30            a consultation answered
 * K7    Wed 11-18 10:00    operator4 10:30            a consultation answered
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "casedesk.reporting.stars.levels.2.min-volume=1",
        "casedesk.reporting.stars.levels.2.min-on-time-rate=0.5",
        "casedesk.reporting.stars.levels.2.min-satisfaction-rate=0.5",
        "casedesk.reporting.stars.levels.2.max-reopened-share=0.5",
        "casedesk.reporting.stars.levels.3.min-volume=5",
        "casedesk.reporting.stars.levels.3.min-on-time-rate=0.8",
        "casedesk.reporting.stars.levels.3.min-satisfaction-rate=0.6",
        "casedesk.reporting.stars.levels.3.max-reopened-share=0.25",
        "casedesk.reporting.stars.levels.4.min-volume=5",
        "casedesk.reporting.stars.levels.4.min-on-time-rate=0.85",
        "casedesk.reporting.stars.levels.4.min-satisfaction-rate=0.9",
        "casedesk.reporting.stars.levels.4.max-reopened-share=0.1",
        "casedesk.reporting.stars.levels.5.min-volume=10",
        "casedesk.reporting.stars.levels.5.min-on-time-rate=0.95",
        "casedesk.reporting.stars.levels.5.min-satisfaction-rate=0.95",
        "casedesk.reporting.stars.levels.5.max-reopened-share=0" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarOperatorReportTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOVEMBER = "/api/v1/reports/star-operators?month=2026-11";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "star-operators");
    }

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @BeforeAll
    void novemberCases() {
        CaseLifecycle cases = new CaseLifecycle(runtimeService, taskService);
        String k0 = cases.start("2026-10-30 10:00", "PHONE", "310101", "13900000010");
        cases.register("2026-10-30 10:30", k0, "operator", "COMPLAINT", "HOME_APPLIANCE");
        cases.handle(k0, "2026-10-30 11:00", "2026-11-02 10:00", "2026-11-02 11:00");
        cases.revisit("2026-11-09 10:00", k0, "operator2", "SATISFIED");

        String k1 = cases.start("2026-11-02 09:00", "PHONE", "310101", "13900000011");
        cases.register("2026-11-02 09:30", k1, "operator", "COMPLAINT", "HOME_APPLIANCE");
        cases.handle(k1, "2026-11-02 10:00", "2026-11-03 10:00", "2026-11-04 10:00");
        cases.revisit("2026-11-05 10:00", k1, "operator2", "SATISFIED");

        String k2 = cases.start("2026-11-09 09:00", "PHONE", "310101", "13900000012");
        cases.register("2026-11-10 10:00", k2, "operator", "COMPLAINT", "HOME_APPLIANCE");
        cases.handle(k2, "2026-11-10 11:00", "2026-11-11 10:00", "2026-11-12 10:00");
        cases.revisit("2026-11-13 10:00", k2, "operator", "VERY_SATISFIED");

        String k3 = cases.start("2026-11-16 09:00", "PHONE", "310115", "13900000013");
        cases.register("2026-11-16 09:30", k3, "operator", "COMPLAINT", "FOOD");
        cases.handle(k3, "2026-11-16 10:00", "2026-11-17 10:00", "2026-11-18 10:00");
        cases.revisit("2026-11-19 10:00", k3, "operator2", "DISSATISFIED");
        cases.complete("2026-11-19 11:00", k3, Map.of("supervisionNote", "请重新调解"));
        cases.complete("2026-11-20 10:00", k3, Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "退款"));
        cases.revisit("2026-11-23 10:00", k3, "operator2", "NEUTRAL");

        String k4 = cases.start("2026-11-17 09:00", "VISIT", "310101", "13900000014");
        cases.register("2026-11-17 09:30", k4, "operator", "CONSULTATION", "PREPAID_CARD", Map.of("answer", "可退余额"));

        String k5 = cases.start("2026-11-17 09:00", "PHONE", "310115", "13900000015");
        cases.register("2026-11-17 10:00", k5, "operator2", "COMPLAINT", "FOOD");
        cases.handle(k5, "2026-11-17 11:00", "2026-11-18 10:00", "2026-11-19 10:00");
        cases.revisit("2026-11-20 10:00", k5, "operator2", "UNREACHABLE");
        cases.revisit("2026-11-20 15:00", k5, "operator2", "SATISFIED");

        String k6 = cases.start("2026-11-18 09:00", "VISIT", "310101", "13900000016");
        cases.register("2026-11-18 09:30", k6, "operator3", "CONSULTATION", "PREPAID_CARD", Map.of("answer", "可退余额"));
        String k7 = cases.start("2026-11-18 10:00", "VISIT", "310101", "13900000017");
        cases.register("2026-11-18 10:30", k7, "operator4", "CONSULTATION", "PREPAID_CARD", Map.of("answer", "可退余额"));
        ClockUtil.reset();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachOperatorsMonthIsCountedAndRatedAtTheEdgesOfTheThresholds() throws Exception {
        JsonNode operators = operators(get("admin", NOVEMBER));

        assertThat(rows(operators)).containsExactly(
                // registered K5; revisits K0 (late) K1 K3 K3 K5 K5: 6 of 7 on time; reached all but K5's first: 5,
                // satisfied K0 K1 K5: 3/5 = 0.6, exactly level 3's minimum; level 4 wants 0.9
                "1 operator2 3 1 6 7 6 0.8571 5 3 0.6000 0 0.0000",
                // registered K1 K2 (late) K3 K4 (K0 in October), revisited K2: volume 5, 4 on time = 0.8, K3 reopened:
                // 1/4 = 0.25 — level 3's minimum volume, minimum on-time rate and maximum reopened share exactly;
                // level 4 wants 0.85 on time. Same stars as operator2, fewer steps: ranked after
                "2 operator 3 4 1 5 4 0.8000 1 1 1.0000 1 0.2500",
                // one registration each, no revisit reached a consumer: no satisfaction shown, 1 star; same stars
                // and volume, so the same rank, listed by id
                "3 operator3 1 1 0 1 1 1.0000 0 0 null 0 0.0000",
                "3 operator4 1 1 0 1 1 1.0000 0 0 null 0 0.0000");
        assertThat(operators.get(1).path("name").asText()).isEqualTo("王芳");
        assertThat(operators.get(0).path("name").isNull()).isTrue();
    }

    @Test
    void aRegistrationCountsInTheMonthItWasDone() throws Exception {
        JsonNode october = operators(get("supervisor", "/api/v1/reports/star-operators?month=2026-10"));

        assertThat(rows(october)).containsExactly("1 operator 1 1 0 1 1 1.0000 0 0 null 0 0.0000");
        assertThat(operators(get("supervisor", "/api/v1/reports/star-operators?month=2026-12"))).isEmpty();
    }

    @Test
    void theCsvHasAChineseHeaderAndTheRankingInUtf8WithAByteOrderMark() {
        ResponseEntity<byte[]> response = http.withBasicAuth("admin", "demo")
                .getForEntity(NOVEMBER + "&format=csv", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("star-operators-2026-11.csv");
        byte[] body = response.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "排名,话务员,姓名,星级,登记量,回访量,工作量,按时量,按时率,回访接通量,满意量,满意率,督办退回量,督办退回率",
                "1,operator2,,3,1,6,7,6,0.8571,5,3,0.6000,0,0.0000",
                "2,operator,王芳,3,4,1,5,4,0.8000,1,1,1.0000,1,0.2500",
                "3,operator3,,1,1,0,1,1,1.0000,0,0,,0,0.0000",
                "3,operator4,,1,1,0,1,1,1.0000,0,0,,0,0.0000");
    }

    @Test
    void onlySupervisorsAuditorsAndAdminsReadItAndABadMonthIsRefused() {
        assertThat(get("operator", NOVEMBER).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("auditor", NOVEMBER).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("supervisor", "/api/v1/reports/star-operators?month=2026-13").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("supervisor", "/api/v1/reports/star-operators").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("supervisor", NOVEMBER + "&format=xlsx").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private static JsonNode operators(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody()).path("operators");
    }

    /** Per operator: rank, id, stars, registered, revisits, volume, on time (count, rate), revisits that reached the
     *  consumer, satisfied (count, rate), reopened (count, share). */
    private static List<String> rows(JsonNode operators) {
        return StreamSupport.stream(operators.spliterator(), false).map(operator -> String.join(" ",
                List.of("rank", "operator", "stars", "registered", "revisits", "volume", "onTime", "onTimeRate",
                        "reached", "satisfied", "satisfactionRate", "reopened", "reopenedShare").stream()
                        .map(field -> text(operator.path(field))).toList())).toList();
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "null" : value.isBigDecimal() || value.isDouble()
                ? value.decimalValue().setScale(4).toPlainString() : value.asText();
    }
}
