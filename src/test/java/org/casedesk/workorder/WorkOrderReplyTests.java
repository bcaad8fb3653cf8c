package org.casedesk.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A 12345 work order end to end: the 12345 system's service account posts it to the intake API, staff work it to
 * closure as they would in Tasklist, and a real HTTP server standing in for the 12345 system receives the reply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "casedesk.work-order.reply-token=test-token"})
class WorkOrderReplyTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    private static final AtomicInteger ANSWER = new AtomicInteger(200);
    private static final HttpServer HOTLINE_12345 = start12345();

    /** One request the stand-in 12345 system received. */
    record Received(String authorization, String contentLength, JsonNode body) {
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "work-order-reply");
        registry.add("casedesk.work-order.reply-url",
                () -> "http://127.0.0.1:" + HOTLINE_12345.getAddress().getPort() + "/work-orders/replies");
    }

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void answerOk() {
        ANSWER.set(200);
        RECEIVED.clear();
    }

    @AfterAll
    static void stop12345() {
        HOTLINE_12345.stop(0);
    }

    @Test
    void workOrderPostedByThe12345SystemIsAnsweredWhenItsCaseCloses() throws Exception {
        String caseNumber = submitWorkOrder("GD-20261129-0001", "2026-12-24T18:00:00+08:00");
        assertThat(jdbc.sql("select work_order_due_at from case_file where case_number = ?").param(caseNumber)
                .query(String.class).single()).startsWith("2026-12-24 10:00:00");

        workToClosure(caseNumber);
        runReplyStep(caseNumber);

        Received reply = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(reply).isNotNull();
        assertThat(reply.authorization()).isEqualTo("Bearer test-token");
        assertThat(reply.contentLength()).isNotNull();
        assertThat(reply.body().path("workOrderId").asText()).isEqualTo("GD-20261129-0001");
        assertThat(reply.body().path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(reply.body().path("closure").asText()).isEqualTo("RESOLVED");
        assertThat(reply.body().path("handlingOutcome").asText()).isEqualTo("MEDIATED_AGREEMENT");
        assertThat(reply.body().path("outcomeNote").asText()).isEqualTo("商家同意更换新机");
        assertThat(reply.body().path("satisfaction").asText()).isEqualTo("SATISFIED");
        assertThat(reply.body().path("handlingUnit").asText()).isEqualTo("310104");
        assertThat(reply.body().path("closedAt").asText()).endsWith("Z");
        assertThat(reply.body().fieldNames()).toIterable().containsExactly("workOrderId", "caseNumber", "closure",
                "handlingOutcome", "outcomeNote", "recoveredAmount", "notAcceptedGround", "answer", "satisfaction",
                "handlingUnit", "mergedInto", "linkedCaseNumber", "overdue", "receivedAt", "closedAt");
        assertThat(reply.body().toString()).doesNotContain("李明", "13812345678", "漕溪北路");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(caseNumber))
                .activityId("EndEvent_WorkOrderReplied").count()).isEqualTo(1);
    }

    @Test
    void replyThe12345SystemRefusesIsRetriedThenAnIncidentWhichARetryResolves() throws Exception {
        String caseNumber = submitWorkOrder("GD-20261129-0002", "2026-12-24T18:00:00+08:00");
        workToClosure(caseNumber);
        ANSWER.set(503);

        for (int attempt = 1; attempt <= 5; attempt++) {
            Job reply = replyJob(caseNumber);
            Instant failedAt = Instant.now();
            assertThatThrownBy(() -> managementService.executeJob(reply.getId())).hasMessageContaining("503")
                    .hasMessageNotContaining("商家同意更换新机");
            if (attempt < 5) {
                assertThat(replyJob(caseNumber).getDuedate().toInstant())
                        .isBetween(failedAt.plus(Duration.ofMinutes(9)), failedAt.plus(Duration.ofMinutes(11)));
            }
        }

        Job exhausted = replyJob(caseNumber);
        assertThat(exhausted.getRetries()).isZero();
        Incident incident = runtimeService.createIncidentQuery().configuration(exhausted.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_ReplyWorkOrder");
        assertThat(incident.getIncidentMessage()).contains("503");
        assertThat(RECEIVED).hasSize(5);

        RECEIVED.clear();
        ANSWER.set(200);
        managementService.setJobRetries(exhausted.getId(), 1);
        runReplyStep(caseNumber);
        assertThat(RECEIVED.poll(10, TimeUnit.SECONDS).body().path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(exhausted.getProcessInstanceId()).count())
                .isZero();
    }

    @Test
    void workOrderSentAgainWithAnotherDeadlineIsRefusedWith409() throws Exception {
        String caseNumber = submitWorkOrder("GD-20261129-0004", "2026-12-24T18:00:00+08:00");

        ResponseEntity<String> again = post(workOrder("GD-20261129-0004", "2026-12-31T18:00:00+08:00"));
        ResponseEntity<String> same = post(workOrder("GD-20261129-0004", "2026-12-24T18:00:00+08:00"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains(caseNumber, "不能改期");
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(same.getBody()).path("caseNumber").asText()).isEqualTo(caseNumber);
    }

    @Test
    void workOrderWithoutItsDeadlineIsRefusedAndNothingIsCreated() {
        long before = jdbc.sql("select count(*) from case_file").query(Long.class).single();

        ResponseEntity<String> response = post(workOrder("GD-20261129-0003", null));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("workOrderDueAt");
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(before);
    }

    private String submitWorkOrder(String workOrderId, String dueAt) throws IOException {
        ResponseEntity<String> response = post(workOrder(workOrderId, dueAt));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(response.getBody()).path("caseNumber").asText();
    }

    private ResponseEntity<String> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("hotline12345", "demo").exchange("/api/v1/cases", HttpMethod.POST,
                new HttpEntity<>(json, headers), String.class);
    }

    private static String workOrder(String workOrderId, String dueAt) {
        return """
                {"channel": "HOTLINE_12345", "externalReference": "%s", %s "type": "COMPLAINT",
                 "complainant": {"name": "李明", "phone": "13812345678", "address": "上海市徐汇区漕溪北路1号"},
                 "respondent": {"name": "徐家汇某数码店", "address": "上海市徐汇区肇嘉浜路1000号", "district": "310104"},
                 "description": "市民来电反映新买的手机屏幕有坏点，商家拒绝更换。", "claim": "更换新机"}"""
                .formatted(workOrderId, dueAt == null ? "" : "\"workOrderDueAt\": \"" + dueAt + "\",");
    }

    /** The steps staff take in Tasklist, from registration to a satisfied revisit. */
    private void workToClosure(String caseNumber) {
        complete(caseNumber, "Task_RegisterCase", Map.of("caseType", "COMPLAINT", "category", "COMMUNICATION_DEVICE"));
        complete(caseNumber, "Task_ContactConsumer", Map.of("contactResult", "REACHED"));
        complete(caseNumber, "Task_DecideAcceptance", Map.of("acceptanceDecision", "ACCEPT"));
        complete(caseNumber, "Task_MediateComplaint",
                Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "商家同意更换新机"));
        complete(caseNumber, "Task_RevisitConsumer", Map.of("revisitResult", "SATISFIED"));
    }

    private void complete(String caseNumber, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
        taskService.complete(task.getId(), variables);
    }

    private Job replyJob(String caseNumber) {
        return managementService.createJobQuery().processInstanceId(processOf(caseNumber))
                .activityId("Task_ReplyWorkOrder").singleResult();
    }

    /** Runs the reply step and the continuation after it, as the job executor would. */
    private void runReplyStep(String caseNumber) {
        managementService.executeJob(replyJob(caseNumber).getId());
        managementService.executeJob(replyJob(caseNumber).getId());
        assertThat(replyJob(caseNumber)).isNull();
    }

    private String processOf(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private static HttpServer start12345() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/work-orders/replies", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Length"),
                            JSON.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8))));
                }
                exchange.sendResponseHeaders(ANSWER.get(), -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("The stand-in 12345 system cannot listen", e);
        }
    }
}
