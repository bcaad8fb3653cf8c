package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.TestDatabase;
import org.casedesk.casefile.CentreTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Hotspots, the watch-list and the consumer-environment index over HTTP, from a known set of complaints made
 * through the intake API with the engine clock moved, and registered by completing 登记案件 with their category
 * (the category only becomes the case's on registration; the intake's is a hint). The numbers in the comments are
 * derived by hand from the cases made in {@link #makeCases()}.
 * <p>
 * The report week is Monday 2026-11-16 (Shanghai), which starts at 2026-11-15T16:00Z; its 8 baseline weeks are
 * those of 2026-09-21 to 2026-11-09. Week 2026-09-14 lies before the baseline, week 2026-11-23 after the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsTests {

    /** Reads numbers as they are written, so 2.50 stays 2.50. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "trends");
    }

    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;
    @Autowired ConsumptionMeasures measures;
    @Autowired PlatformTransactionManager transactions;

    private int references;

    @BeforeAll
    void makeCases() throws Exception {
        // PREPAID_CARD at 某健身房 on platform 某团购平台: 3+3+3+3+2+2+2+2 = 20 in the baseline (mean 2.5), 5 in the week
        int[] prepaidBaseline = {3, 3, 3, 3, 2, 2, 2, 2};
        for (int week = 0; week < 8; week++) {
            for (int i = 0; i < prepaidBaseline[week]; i++) {
                complaint(midweek("2026-09-21", week), "PREPAID_CARD", "某健身房", "某团购平台", "健身房停业，剩余课时无法退费");
            }
        }
        for (int i = 0; i < 4; i++) {
            complaint(midweek("2026-11-16", 0), "PREPAID_CARD", "某健身房", "某团购平台", "健身房停业，剩余课时无法退费");
        }
        // in category PREPAID_CARD and with the keyword 预付卡: once in the watch-list's 预付卡
        complaint(midweek("2026-11-16", 0), "PREPAID_CARD", "某健身房", "某团购平台", "预付卡余额无法退还");
        // the platform's 21st baseline complaint: 某团购平台 has 5 this week against a mean of 21/8 = 2.625
        complaint(midweek("2026-11-09", 0), "FOOD", "某食品店", "某团购平台", "直播间购买的月饼发霉");

        // EDUCATION_TRAINING at 某培训机构 on 某课程平台: 5 in the week, none in the baseline, 3 the week before it
        complaint(Instant.parse("2026-11-15T16:30:00Z"), "EDUCATION_TRAINING", "某培训机构", "某课程平台",
                "培训机构停课不退费"); // Monday 00:30 in Shanghai, still Sunday in UTC
        for (int i = 0; i < 3; i++) {
            complaint(midweek("2026-11-16", 0), "EDUCATION_TRAINING", "某培训机构", "某课程平台", "培训机构停课不退费");
        }
        complaint(midweek("2026-11-16", 0), "EDUCATION_TRAINING", "某培训机构", "某课程平台", "培训机构的充值卡无法退款");
        for (int i = 0; i < 3; i++) {
            complaint(midweek("2026-09-14", 0), "EDUCATION_TRAINING", "某培训机构", "某课程平台", "培训机构停课不退费");
        }

        // TRAVEL at 某旅行社 on 某旅游平台: 4 complaints in the week, one of them in its last second; a report in the
        // week; 2 complaints at the first instant of the next week
        for (int i = 0; i < 3; i++) {
            complaint(midweek("2026-11-16", 0), "TRAVEL", "某旅行社", "某旅游平台", "旅行团行程被临时更改");
        }
        complaint(Instant.parse("2026-11-22T15:59:59Z"), "TRAVEL", "某旅行社", "某旅游平台", "旅行团行程被临时更改");
        submit(midweek("2026-11-16", 0), "REPORT", "TRAVEL", "某旅行社", "某旅游平台", "旅行社安排无证网约车接送");
        for (int i = 0; i < 2; i++) {
            complaint(Instant.parse("2026-11-22T16:00:00Z"), "TRAVEL", "某旅行社", "某旅游平台", "旅行团行程被临时更改");
        }

        // ride-hailing by the respondent's name
        complaint(midweek("2026-11-16", 0), "TRANSPORT", "滴滴出行", null, "司机绕路多收费");

        // August 2025 (Shanghai): ONLINE_SHOPPING 4, the first at 00:30 on 1 August; FOOD 2; and one on 31 July
        complaint(Instant.parse("2025-07-31T16:30:00Z"), "ONLINE_SHOPPING", "某网店", null, "收到的商品与描述不符");
        for (int i = 0; i < 3; i++) {
            complaint(Instant.parse("2025-08-12T02:00:00Z"), "ONLINE_SHOPPING", "某网店", null, "收到的商品与描述不符");
        }
        for (int i = 0; i < 2; i++) {
            complaint(Instant.parse("2025-08-20T02:00:00Z"), "FOOD", "某超市", null, "买到过期牛奶");
        }
        complaint(Instant.parse("2025-07-31T15:59:00Z"), "ONLINE_SHOPPING", "某网店", null, "收到的商品与描述不符");
        // August 2026: ONLINE_SHOPPING 5, FOOD 4; a report in August and a complaint at 00:00 on 1 September
        for (int i = 0; i < 5; i++) {
            complaint(Instant.parse("2026-08-12T02:00:00Z"), "ONLINE_SHOPPING", "某网店", null, "收到的商品与描述不符");
        }
        for (int i = 0; i < 4; i++) {
            complaint(Instant.parse("2026-08-20T02:00:00Z"), "FOOD", "某超市", null, "买到过期牛奶");
        }
        submit(Instant.parse("2026-08-20T02:00:00Z"), "REPORT", "ONLINE_SHOPPING", "某网店", null, "网店销售假冒商品");
        complaint(Instant.parse("2026-08-31T16:00:00Z"), "ONLINE_SHOPPING", "某网店", null, "收到的商品与描述不符");

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T02:00:00Z")));
        // the measures, as a supervisor enters them; 社会消费品零售总额 of 2026-08 first as 1040, then corrected
        for (String measure : List.of(
                "{\"period\": \"2025-08\", \"measure\": \"社会消费品零售总额\", \"value\": 1000}",
                "{\"period\": \"2026-08\", \"measure\": \"社会消费品零售总额\", \"value\": 1040}",
                "{\"period\": \"2026-08\", \"measure\": \"社会消费品零售总额\", \"value\": 1050}",
                "{\"period\": \"2026-08\", \"measure\": \"社会消费品零售总额\", \"category\": \"FOOD\", \"value\": 80}",
                "{\"period\": \"2025-08\", \"measure\": \"网上零售额\", \"category\": \"ONLINE_SHOPPING\", \"value\": 200}",
                "{\"period\": \"2026-08\", \"measure\": \"网上零售额\", \"category\": \"ONLINE_SHOPPING\", \"value\": 260}")) {
            assertThat(send("supervisor", HttpMethod.PUT, "/api/v1/reports/consumption-measures", measure)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @AfterEach
    void clockForTheNextTest() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T02:00:00Z")));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void hotspotsAreTheGroupsAtTheMinimumAndAtTwiceTheirBaselineMean() throws Exception {
        JsonNode report = get("/api/v1/reports/hotspots?week=2026-11-16");

        assertThat(report.get("week").asText()).isEqualTo("2026-11-16");
        assertThat(report.get("minimumCount").asInt()).isEqualTo(5);
        assertThat(report.get("ratio").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(report.get("baselineWeeks").asInt()).isEqualTo(8);
        // PREPAID_CARD/某健身房: 5 ≥ 5 and 5 = 2.0 × 20/8 — both exactly at the limit, so flagged (ratio 5 × 8 / 20);
        // EDUCATION_TRAINING/某培训机构/某课程平台: 5 with a baseline of zero (its 3 of week 09-14 are before it);
        // not flagged: 某团购平台 (5 < 2.0 × 21/8 = 5.25), TRAVEL/某旅行社/某旅游平台 (4 complaints: the report and the
        // 2 of the next week do not count), FOOD, TRANSPORT, 滴滴出行 (1 each)
        assertThat(rows(report.get("hotspots"))).containsExactly(
                "CATEGORY EDUCATION_TRAINING 教育培训服务 5 0 0.00 null",
                "CATEGORY PREPAID_CARD 预付卡消费 5 20 2.50 2.00",
                "RESPONDENT 某健身房 某健身房 5 20 2.50 2.00",
                "RESPONDENT 某培训机构 某培训机构 5 0 0.00 null",
                "PLATFORM 某课程平台 某课程平台 5 0 0.00 null");
    }

    @Test
    void aCaseCountsInTheShanghaiWeekOfItsReceipt() throws Exception {
        // the week before: EDUCATION_TRAINING's Monday 00:30 Shanghai case (Sunday 16:30 UTC) is not in it
        JsonNode weekBefore = get("/api/v1/reports/hotspots?week=2026-11-09");
        // the week after: TRAVEL's 2 complaints at Monday 00:00 Shanghai; 2 < 5, and its baseline holds 4
        JsonNode weekAfter = get("/api/v1/reports/hotspots?week=2026-11-23");

        assertThat(weekBefore.get("hotspots")).isEmpty();
        assertThat(weekAfter.get("hotspots")).isEmpty();
        assertThat(complaintsOn("2026-11-15T16:00:00", "2026-11-22T16:00:00", "EDUCATION_TRAINING")).isEqualTo(5);
    }

    @Test
    void withoutAWeekTheLastWeekThatEndedIsReported() throws Exception {
        // Wednesday 2026-11-25 in Shanghai: the last week that ended began on Monday 2026-11-16
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T02:00:00Z")));

        assertThat(get("/api/v1/reports/hotspots").get("week").asText()).isEqualTo("2026-11-16");
    }

    @Test
    void aWeekThatDoesNotStartOnMondayIsRefused() {
        ResponseEntity<String> response = send("supervisor", HttpMethod.GET, "/api/v1/reports/hotspots?week=2026-11-17", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains("week").contains("2026-11-17 不是星期一");
    }

    @Test
    void theWatchListCountsEachTopicsComplaintsWeekByWeek() throws Exception {
        JsonNode report = get("/api/v1/reports/watch-list?from=2026-11-09&to=2026-11-22");

        assertThat(report.get("weeks").toString()).isEqualTo("[\"2026-11-09\",\"2026-11-16\"]");
        // 预付卡: PREPAID_CARD 2 in week 11-09; 5 in week 11-16 (the one also saying 预付卡 counts once) and the
        // training centre's 充值卡; 直播带货: the 直播间 mooncakes of 11-09; 网约车: 滴滴出行 by its name (the report
        // about 网约车 does not count)
        assertThat(rows(report.get("topics"))).containsExactly(
                "预付卡 [2,6] 8", "直播带货 [1,0] 1", "共享单车 [0,0] 0", "手机网游 [0,0] 0", "网约车 [0,1] 1",
                "金融服务 [0,0] 0", "职业索赔 [0,0] 0");
    }

    @Test
    void theConsumerIndexIsComplaintGrowthMinusMeasureGrowth() throws Exception {
        JsonNode report = get("/api/v1/reports/consumer-index?period=2026-08");

        assertThat(report.get("period").asText()).isEqualTo("2026-08");
        assertThat(report.get("yearBefore").asText()).isEqualTo("2025-08");
        // all: complaints (9 − 6) / 6 = 50 %, retail sales (1050 − 1000) / 1000 = 5 % (1040 was replaced): 45 points;
        // FOOD: complaints (4 − 2) / 2 = 100 %, no measure for 2025-08: no growth, no index;
        // ONLINE_SHOPPING: complaints (5 − 4) / 4 = 25 %, online sales (260 − 200) / 200 = 30 %: −5 points
        assertThat(rows(report.get("rows"))).containsExactly(
                "社会消费品零售总额 null 1050.00 1000.00 9 6 50.00 5.00 45.00",
                "社会消费品零售总额 FOOD 80.00 null 4 2 100.00 null null",
                "网上零售额 ONLINE_SHOPPING 260.00 200.00 5 4 25.00 30.00 -5.00");
    }

    @Test
    void theMeasuresEnteredAreListedWithWhoEnteredThem() throws Exception {
        JsonNode measures = get("/api/v1/reports/consumption-measures?period=2025-08");

        assertThat(measures).hasSize(2);
        assertThat(measures.get(0).get("measure").asText()).isEqualTo("社会消费品零售总额");
        assertThat(measures.get(0).get("category").isNull()).isTrue();
        assertThat(measures.get(0).get("value").decimalValue()).isEqualByComparingTo("1000");
        assertThat(measures.get(0).get("enteredBy").asText()).isEqualTo("supervisor");
        assertThat(measures.get(1).get("category").asText()).isEqualTo("ONLINE_SHOPPING");
        assertThat(get("/api/v1/reports/consumption-measures")).hasSize(5);
    }

    @Test
    void onlySupervisorsEnterMeasures() {
        ResponseEntity<String> response = send("operator", HttpMethod.PUT, "/api/v1/reports/consumption-measures",
                "{\"period\": \"2026-09\", \"measure\": \"社会消费品零售总额\", \"value\": 1100}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from consumption_measure where period = '2026-09'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void twoSupervisorsSavingTheSameNewMeasureAtOnceLeaveOneRowWithTheLaterValue() throws Exception {
        ConsumptionMeasure first = new ConsumptionMeasure("2020-01", "社会消费品零售总额", null, new BigDecimal("100"),
                null, null);
        ConsumptionMeasure second = new ConsumptionMeasure("2020-01", "社会消费品零售总额", null, new BigDecimal("200"),
                null, null);
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService supervisors = Executors.newFixedThreadPool(2);
        try {
            // the first save's transaction stays open until the second has found no row to update and tries to insert
            Future<?> firstSave = supervisors.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(
                    status -> {
                        measures.save(first, "supervisor");
                        firstInserted.countDown();
                        await(secondStarted);
                        sleep(Duration.ofMillis(500));
                    }));
            await(firstInserted);
            Future<?> secondSave = supervisors.submit(() -> {
                secondStarted.countDown();
                measures.save(second, "supervisor");
            });
            firstSave.get(30, TimeUnit.SECONDS);
            secondSave.get(30, TimeUnit.SECONDS);

            assertThat(jdbc.sql("select amount from consumption_measure where period = '2020-01'")
                    .query(BigDecimal.class).list()).singleElement().satisfies(
                            amount -> assertThat(amount).isEqualByComparingTo("200"));
        } finally {
            supervisors.shutdownNow();
            jdbc.sql("delete from consumption_measure where period = '2020-01'").update();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void aMeasureWithoutAValidPeriodCategoryValueOrMeasureOrWithAnUnknownFieldIsRefused() {
        Map<String, String> refused = Map.of(
                "{\"period\": \"2026-13\", \"measure\": \"社会消费品零售总额\", \"value\": 1100}", "period：",
                "{\"period\": \"2026-09\", \"measure\": \"社会消费品零售总额\", \"category\": \"SHOES\", \"value\": 1}",
                "category：",
                "{\"period\": \"2026-09\", \"measure\": \"社会消费品零售总额\", \"value\": 0}", "value：",
                "{\"period\": \"2026-09\", \"value\": 1100}", "measure：",
                "{\"period\": \"2026-09\", \"measure\": \"网上零售额\", \"catgory\": \"ONLINE_SHOPPING\", \"value\": 1}",
                "catgory：");

        refused.forEach((measure, field) -> {
            ResponseEntity<String> response = send("supervisor", HttpMethod.PUT,
                    "/api/v1/reports/consumption-measures", measure);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains(field);
        });
        assertThat(jdbc.sql("select count(*) from consumption_measure where period = '2026-09'").query(Long.class)
                .single()).isZero();
    }

    private static Instant midweek(String monday, int weeksLater) {
        // Wednesday 10:00 in Shanghai
        return LocalDate.parse(monday).plusWeeks(weeksLater).plusDays(2).atTime(10, 0).atZone(CentreTime.ZONE)
                .toInstant();
    }

    private void complaint(Instant at, String category, String respondent, String platform, String description)
            throws Exception {
        submit(at, "COMPLAINT", category, respondent, platform, description);
    }

    /** Submits a case through the intake API at that instant and registers it with its type and category. */
    private void submit(Instant at, String type, String category, String respondent, String platform,
            String description) throws Exception {
        ClockUtil.setCurrentTime(Date.from(at));
        Map<String, Object> respondentPart = new HashMap<>(Map.of("name", respondent, "address", "上海市黄浦区南京东路1号",
                "district", "310101"));
        if (platform != null) {
            respondentPart.put("platform", platform);
        }
        Map<String, Object> request = Map.of("channel", "INTERNET", "externalReference", "TRENDS-" + ++references,
                "type", type, "category", category,
                "complainant", Map.of("name", "顾客" + references, "phone", "139" + (10000000 + references),
                        "address", "上海市徐汇区漕溪北路1号"),
                "respondent", respondentPart, "description", description, "claim", "退款");
        ResponseEntity<String> created = send("internetplatform", HttpMethod.POST, "/api/v1/cases",
                JSON.writeValueAsString(request));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = JSON.readTree(created.getBody()).get("caseNumber").asText();
        Task register = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_RegisterCase").singleResult();
        ClockUtil.setCurrentTime(Date.from(at.plus(Duration.ofMinutes(1))));
        taskService.complete(register.getId(), Map.of("caseType", type, "category", category));
    }

    private long complaintsOn(String fromUtc, String toUtc, String category) {
        return jdbc.sql("select count(*) from case_file where category = ? and case_type = 'COMPLAINT'"
                + " and received_at >= ? and received_at < ?")
                .params(category, LocalDateTime.parse(fromUtc), LocalDateTime.parse(toUtc))
                .query(Long.class).single();
    }

    /** Each element's values, joined by spaces, an array as its JSON. */
    private static List<String> rows(JsonNode array) {
        List<String> rows = new ArrayList<>();
        for (JsonNode element : array) {
            List<String> values = new ArrayList<>();
            element.forEach(value -> values.add(value.isContainerNode() ? value.toString() : value.asText()));
            rows.add(String.join(" ", values));
        }
        return rows;
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = send("supervisor", HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
