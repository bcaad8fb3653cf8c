package org.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The intake API over HTTP as a channel system uses it: the internet platform's service account submits and
 * reads cases. Every refused request is checked to have created nothing — no case row, no process instance,
 * no mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false"})
class IntakeApiTests {

    static final String PLATFORM = "internetplatform";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "intake-api");
    }

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired IntakeService intake;
    @LocalServerPort int port;

    @Test
    void complaintIsCreatedWith201AndItsLocationAndWaitsForRegistration() throws Exception {
        ResponseEntity<String> response = post(PLATFORM, complaint("WEB-201"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode created = JSON.readTree(response.getBody());
        String caseNumber = created.path("caseNumber").asText();
        assertThat(caseNumber).matches("SH\\d{14}");
        assertThat(response.getHeaders().getLocation()).hasPath("/api/v1/cases/" + caseNumber);
        assertThat(created.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(created.path("externalReference").asText()).isEqualTo("WEB-201");
        assertThat(created.path("history").findValuesAsText("step")).containsExactly("RECEIVED");
        assertThat(created.has("complainant")).isFalse();

        JsonNode read = JSON.readTree(get(PLATFORM, response.getHeaders().getLocation().getPath()).getBody());
        assertThat(read.path("statusName").asText()).isEqualTo("已受理，待登记");
        var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_RegisterCase");
        assertThat(runtimeService.getVariable(instance.getId(), "caseType")).isEqualTo("COMPLAINT");
        assertThat(jdbc.sql("select complainant_name, occurred_at from case_file where case_number = ?")
                .param(caseNumber).query().singleRow()).containsEntry("complainant_name", "李明")
                .containsKey("occurred_at").extractingByKey("occurred_at").isNotNull();
    }

    @Test
    void aReferenceUnderOpen311sPrefixIsRefusedSoNoOpen311ClientMeetsAnotherSystemsCase() throws Exception {
        ResponseEntity<String> response = post(PLATFORM, complaint("open311:demo:APP-77"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("externalReference");
        assertThat(casesWithReference("open311:demo:APP-77")).isZero();
    }

    @Test
    void theSameReferenceAgainReturnsTheExistingCaseWith200() throws Exception {
        String first = JSON.readTree(post(PLATFORM, complaint("WEB-AGAIN")).getBody()).path("caseNumber").asText();

        ResponseEntity<String> again = post(PLATFORM, complaint("WEB-AGAIN"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(again.getBody()).path("caseNumber").asText()).isEqualTo(first);
        assertThat(casesWithReference("WEB-AGAIN")).isEqualTo(1);
        JsonNode listed = JSON.readTree(get(PLATFORM, "/api/v1/cases?externalReference=WEB-AGAIN").getBody());
        assertThat(listed.findValuesAsText("caseNumber")).containsExactly(first);
    }

    @Test
    void twoSubmissionsOfOneReferenceAtTheSameMomentMakeOneCase() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService systems = Executors.newFixedThreadPool(2);
        List<Future<ResponseEntity<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            responses.add(systems.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return post(PLATFORM, complaint("WEB-RACE"));
            }));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        List<String> caseNumbers = new ArrayList<>();
        for (Future<ResponseEntity<String>> response : responses) {
            statuses.add((HttpStatus) response.get().getStatusCode());
            caseNumbers.add(JSON.readTree(response.get().getBody()).path("caseNumber").asText());
        }
        systems.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(caseNumbers.get(0)).isEqualTo(caseNumbers.get(1));
        assertThat(casesWithReference("WEB-RACE")).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("externalReference", "WEB-RACE")
                .count()).isEqualTo(1);
    }

    /**
     * The race made certain: the second intake finds no case yet, waits for the first's open transaction on the
     * day's case-number row, then fails on the unique reference once the first commits, and answers with it.
     */
    @Test
    void anIntakeThatLosesTheRaceRollsBackAndReturnsTheWinnersCase() throws Exception {
        // Given the first submission's intake is open but not yet committed
        IntakeRequest request = new IntakeJson().read(complaint("WEB-LOSER").getBytes(StandardCharsets.UTF_8));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService second = Executors.newSingleThreadExecutor();
        Future<IntakeService.Receipt> loser = second.submit(() -> {
            secondStarted.await();
            return intake.submit(request);
        });
        IntakeService.Receipt winner = transaction.execute(status -> {
            IntakeService.Receipt first = intake.submit(request);
            secondStarted.countDown();
            pause(1000); // the second intake passes its look-up and waits on the case-number row
            return first;
        });

        // When the first commits, the second goes on
        IntakeService.Receipt lost = loser.get(30, TimeUnit.SECONDS);

        // Then
        assertThat(winner.created()).isTrue();
        assertThat(lost.created()).isFalse();
        assertThat(lost.caseFile().caseNumber()).isEqualTo(winner.caseFile().caseNumber());
        assertThat(casesWithReference("WEB-LOSER")).isEqualTo(1);
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .variableValueEquals("externalReference", "WEB-LOSER").count()).isEqualTo(1);
        second.shutdown();
    }

    @Test
    void complaintWithoutWhatArticle9RequiresIsRefusedNamingEachField() throws Exception {
        Counts before = counts();

        ResponseEntity<String> response = post(PLATFORM, """
                {"channel": "INTERNET", "externalReference": "WEB-BARE", "type": "COMPLAINT"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("description",
                "complainant.name", "complainant.phone", "complainant.address", "respondent.name",
                "respondent.address", "claim");
        assertThat(problem.path("errors").findValuesAsText("reason")).allSatisfy(reason -> assertThat(reason)
                .contains("第九条"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anonymousReportNeedsOnlyTheRespondentAndTheFacts() {
        ResponseEntity<String> response = post(PLATFORM, """
                {"channel": "INTERNET", "externalReference": "WEB-REPORT", "type": "REPORT",
                 "respondent": {"name": "某无证诊所"}, "description": "无证行医，出售过期药品"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void badValuesAreRefusedEachWithItsReason() throws Exception {
        Counts before = counts();

        ResponseEntity<String> response = post(PLATFORM, """
                {"channel": "INTERNET", "externalReference": "WEB BAD", "type": "COMPLAINT", "category": "NO_SUCH",
                 "complainant": {"name": "李明", "phone": "12345", "address": "上海市徐汇区漕溪北路1号", "email": "li.ming"},
                 "respondent": {"name": "某数码店", "address": "上海市", "district": "999999"},
                 "description": "屏幕坏点", "claim": "换新", "amount": -1, "occurredAt": "2099-01-01T10:00:00+08:00"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "externalReference", "category", "complainant.phone", "complainant.email", "respondent.district",
                "amount", "occurredAt");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRefusedByItsPath() throws Exception {
        // Given
        Counts before = counts();

        // When
        ResponseEntity<String> response = post(PLATFORM, complaint("WEB-UNKNOWN")
                .replace("\"name\": \"李明\"", "\"name\": \"李明\", \"nickname\": \"小李\""));

        // Then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("complainant.nickname");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aNumberForTextOrTextForANumberIsRefusedNotGuessedAt() throws Exception {
        // Given
        Counts before = counts();

        // When
        JsonNode phoneAsNumber = JSON.readTree(post(PLATFORM, complaint("WEB-PHONE")
                .replace("\"13812345678\"", "13812345678")).getBody());
        JsonNode amountAsText = JSON.readTree(post(PLATFORM, complaint("WEB-AMOUNT")
                .replace("\"amount\": 5999", "\"amount\": \"5999\"")).getBody());
        JsonNode timeWithoutOffset = JSON.readTree(post(PLATFORM, complaint("WEB-TIME")
                .replace("+08:00", "")).getBody());

        // Then
        assertThat(phoneAsNumber.path("errors").findValuesAsText("field")).containsExactly("complainant.phone");
        assertThat(phoneAsNumber.path("errors").findValuesAsText("reason")).containsExactly("类型不符，应为文本");
        assertThat(amountAsText.path("errors").findValuesAsText("reason")).containsExactly("类型不符，应为数字");
        assertThat(timeWithoutOffset.path("errors").findValuesAsText("field")).containsExactly("occurredAt");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void brokenJsonOrABodyThatIsNoObjectIsRefused() throws Exception {
        // Given
        Counts before = counts();

        // When
        ResponseEntity<String> broken = post(PLATFORM, "{\"channel\": \"INTERNET\",");
        ResponseEntity<String> array = post(PLATFORM, "[]");
        ResponseEntity<String> empty = post(PLATFORM, "");

        // Then
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(broken.getBody()).path("detail").asText()).contains("不是有效的 JSON", "第 1 行");
        assertThat(JSON.readTree(array.getBody()).path("detail").asText()).contains("应为一个 JSON 对象");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void withoutCredentialsTheApiAnswers401() {
        Counts before = counts();

        ResponseEntity<String> response = http.exchange("/api/v1/cases", HttpMethod.POST,
                new HttpEntity<>(complaint("WEB-ANON"), jsonHeaders()), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void staffAndOtherChannelsAreRefusedWith403() {
        // Given
        Counts before = counts();

        // When
        ResponseEntity<String> operator = post("operator", complaint("WEB-STAFF"));
        ResponseEntity<String> otherChannel = post(PLATFORM, complaint("WEB-315").replace("INTERNET", "TV_315"));

        // Then
        assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherChannel.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherChannel.getBody()).contains("TV_315");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aBlankChannelIsAMissingFieldNotAnotherChannel() throws Exception {
        ResponseEntity<String> response = post(PLATFORM, complaint("WEB-BLANK").replace("\"INTERNET\"", "\"\""));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).path("errors").findValuesAsText("field")).containsExactly("channel");
    }

    @Test
    void aServiceAccountCannotUseTheEnginesRestApi() {
        // When the internet platform's account asks the engine for process variables (every channel's data)
        ResponseEntity<String> variables = get(PLATFORM, "/engine-rest/variable-instance?variableName=complainantPhone");
        ResponseEntity<String> staff = get("operator", "/engine-rest/variable-instance?variableName=complainantPhone");

        // Then only staff get an answer
        assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(variables.getBody()).doesNotContain("138");
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCaseOfAnotherChannelOrNoneIsNotFound() throws Exception {
        String caseNumber = JSON.readTree(post(PLATFORM, complaint("WEB-OWN")).getBody()).path("caseNumber").asText();

        assertThat(get("tv315", "/api/v1/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(PLATFORM, "/api/v1/cases/SH20991231999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(get("tv315", "/api/v1/cases?externalReference=WEB-OWN").getBody())).isEmpty();
    }

    @Test
    void theOpenApiDescriptionDocumentsTheApiWithChineseExamplesForAuthenticatedCallersOnly() throws Exception {
        // When
        ResponseEntity<String> description = get(PLATFORM, "/api/openapi");
        ResponseEntity<String> anonymous = http.getForEntity("/api/openapi", String.class);

        // Then
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode openApi = JSON.readTree(description.getBody());
        assertThat(openApi.path("info").path("title").asText()).isEqualTo("Case Desk 12315 接入接口");
        JsonNode submit = openApi.path("paths").path("/api/v1/cases").path("post");
        assertThat(submit.path("responses").fieldNames()).toIterable()
                .contains("200", "201", "400", "401", "403", "413");
        assertThat(submit.path("requestBody").toString()).contains("李明", "匿名举报");
        assertThat(openApi.path("components").path("schemas").path("IntakeRequest").path("properties").fieldNames())
                .toIterable().contains("externalReference", "complainant", "respondent", "occurredAt");
        assertThat(openApi.path("paths").has("/api/v1/cases/{caseNumber}")).isTrue();
        assertThat(openApi.path("paths").has("/api/v1/deadline-migrations")).isFalse();
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aConsumerSeesTheStatusWithTheCaseNumberAndTheLastFourDigitsWithoutLoggingIn() throws Exception {
        // Given a case filed with the phone 13812345678
        clearLookupFailures();
        String caseNumber = JSON.readTree(post(PLATFORM, complaint("WEB-LOOKUP")).getBody()).path("caseNumber").asText();

        // When anyone asks with the number and 5678
        ResponseEntity<String> response = http.getForEntity("/public/v1/cases/" + caseNumber + "?phone=5678", String.class);

        // Then they see where it stands, and nothing personal
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode status = JSON.readTree(response.getBody());
        assertThat(status.path("statusName").asText()).isEqualTo("已受理，待登记");
        assertThat(status.path("history").findValuesAsText("name")).containsExactly("受理");
        assertThat(response.getBody()).doesNotContain("李明", "1381234", "徐家汇", "INTERNET", "WEB-LOOKUP");
    }

    @Test
    void aWrongPairAndAnUnknownCaseGetTheSame404() throws Exception {
        // Given
        clearLookupFailures();
        String caseNumber = JSON.readTree(post(PLATFORM, complaint("WEB-WRONG")).getBody()).path("caseNumber").asText();

        // When
        ResponseEntity<String> wrongDigits = http.getForEntity("/public/v1/cases/" + caseNumber + "?phone=1234", String.class);
        ResponseEntity<String> unknown = http.getForEntity("/public/v1/cases/SH20991231999999?phone=5678", String.class);
        ResponseEntity<String> noDigits = http.getForEntity("/public/v1/cases/" + caseNumber, String.class);

        // Then
        assertThat(List.of(wrongDigits.getStatusCode(), unknown.getStatusCode(), noDigits.getStatusCode()))
                .containsOnly(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(wrongDigits.getBody()).path("detail").asText())
                .isEqualTo(JSON.readTree(unknown.getBody()).path("detail").asText());
    }

    @Test
    void afterFiveWrongGuessesACaseIsRefusedWith429EvenForTheRightDigits() throws Exception {
        // Given five wrong guesses at one case
        clearLookupFailures();
        String caseNumber = JSON.readTree(post(PLATFORM, complaint("WEB-GUESS")).getBody()).path("caseNumber").asText();
        for (int guess = 0; guess < StatusLookup.MAX_PER_CASE; guess++) {
            http.getForEntity("/public/v1/cases/" + caseNumber + "?phone=000" + guess, String.class);
        }

        // When the right digits come next
        ResponseEntity<String> response = http.getForEntity("/public/v1/cases/" + caseNumber + "?phone=5678", String.class);

        // Then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
        assertThat(response.getBody()).doesNotContain("已受理");
    }

    @Test
    void afterTenFailuresAClientIsRefusedWith429WhateverItAsks() throws Exception {
        // Given ten failures from this client on ten different numbers
        clearLookupFailures();
        String caseNumber = JSON.readTree(post(PLATFORM, complaint("WEB-SCAN")).getBody()).path("caseNumber").asText();
        for (int scan = 0; scan < StatusLookup.MAX_PER_CLIENT; scan++) {
            http.getForEntity("/public/v1/cases/SH2099123100000" + scan + "?phone=5678", String.class);
        }

        // When
        ResponseEntity<String> response = http.getForEntity("/public/v1/cases/" + caseNumber + "?phone=5678", String.class);

        // Then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void theDocumentedExamplesAreAcceptedAndAnsweredInTheDocumentedShape() throws Exception {
        // When the description's three examples are submitted
        ResponseEntity<String> complaint = post(PLATFORM, IntakeApiExamples.COMPLAINT);
        ResponseEntity<String> report = post(PLATFORM, IntakeApiExamples.ANONYMOUS_REPORT);
        ResponseEntity<String> workOrder = post("hotline12345", IntakeApiExamples.WORK_ORDER);

        // Then all are taken, and answered with the fields of the documented answer
        JsonNode documented = JSON.readTree(IntakeApiExamples.RECEIVED);
        assertThat(List.of(complaint.getStatusCode(), report.getStatusCode(), workOrder.getStatusCode()))
                .containsOnly(HttpStatus.CREATED);
        assertThat(JSON.readTree(complaint.getBody()).fieldNames()).toIterable()
                .containsExactlyElementsOf(documented::fieldNames);
    }

    @Test
    void aSecondCaseFromTheSamePhoneIsFlaggedAndLinkedToTheFirstForTheOperator() throws Exception {
        // Given a complaint from a caller no other test uses
        String first = JSON.readTree(post(PLATFORM, complaintFromAnotherCaller("WEB-REPEAT-1")).getBody())
                .path("caseNumber").asText();

        // When the same phone submits again about another shop
        ResponseEntity<String> second = post(PLATFORM, complaintFromAnotherCaller("WEB-REPEAT-2")
                .replace("徐家汇某数码店", "漕河泾某手机店"));

        // Then it is taken as a case of its own, flagged, and linked to the first
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String secondNumber = JSON.readTree(second.getBody()).path("caseNumber").asText();
        assertThat(jdbc.sql("select case_number, repeat_call from case_file where case_number in (?, ?)")
                .params(first, secondNumber).query((rs, row) -> rs.getString(1) + "=" + rs.getBoolean(2)).list())
                .containsExactlyInAnyOrder(first + "=false", secondNumber + "=true");
        assertThat(jdbc.sql("select linked_case_number from repeat_call_link where case_number = ? and same_phone = true")
                .param(secondNumber).query(String.class).list()).containsExactly(first);
        var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(secondNumber).singleResult();
        assertThat(runtimeService.getVariable(instance.getId(), "repeatCall")).isEqualTo(true);
    }

    @Test
    void aRepeatCallMergedAtRegistrationNamesTheCaseItWentIntoToTheChannelAndTheConsumer() throws Exception {
        // Given two complaints from one phone, the second merged into the first at registration
        String caller = complaint("WEB-MERGE-1").replace("李明", "钱多").replace("13812345678", "13600002468");
        String first = JSON.readTree(post(PLATFORM, caller).getBody()).path("caseNumber").asText();
        String second = JSON.readTree(post(PLATFORM, caller.replace("WEB-MERGE-1", "WEB-MERGE-2")).getBody())
                .path("caseNumber").asText();
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(second).singleResult().getId(),
                Map.of("caseType", "COMPLAINT", "category", "COMMUNICATION_DEVICE", "mergeInto", first));

        // When the channel and the consumer ask how the second stands
        JsonNode status = JSON.readTree(get(PLATFORM, "/api/v1/cases/" + second).getBody());
        clearLookupFailures();
        JsonNode publicStatus = JSON.readTree(http.getForEntity("/public/v1/cases/" + second + "?phone=2468",
                String.class).getBody());

        // Then both name the case it was merged into, in the documented shape
        assertThat(status.path("closure").asText()).isEqualTo("MERGED");
        assertThat(status.path("mergedInto").asText()).isEqualTo(first);
        assertThat(status.path("statusName").asText()).isEqualTo("已并入案件 " + first);
        assertThat(status.fieldNames()).toIterable()
                .containsExactlyElementsOf(JSON.readTree(IntakeApiExamples.MERGED)::fieldNames);
        assertThat(publicStatus.path("statusName").asText()).isEqualTo("已并入案件 " + first);
        assertThat(publicStatus.path("mergedInto").asText()).isEqualTo(first);
        // and the first case's handler is told on its open task
        assertThat(taskService.getTaskComments(taskService.createTaskQuery().processInstanceBusinessKey(first)
                .singleResult().getId())).singleElement()
                .satisfies(comment -> assertThat(comment.getFullMessage()).contains(second).contains("屏幕有坏点"));
    }

    @Test
    void aShortPathUnderTheApiIsAPlainNotFound() {
        assertThat(get(PLATFORM, "/api/v1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        Counts before = counts();
        String huge = complaint("WEB-HUGE").replace("屏幕有坏点", "坏".repeat(30_000));

        ResponseEntity<String> declared = post(PLATFORM, huge);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((PLATFORM + ":demo").getBytes()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(declared.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(chunked.body()).path("detail").asText()).contains("64 KB");
        assertThat(counts()).isEqualTo(before);
    }

    static String complaint(String reference) {
        return """
                {"channel": "INTERNET", "externalReference": "%s", "type": "COMPLAINT", "category": "COMMUNICATION_DEVICE",
                 "complainant": {"name": "李明", "phone": "13812345678", "address": "上海市徐汇区漕溪北路1号",
                                 "email": "li.ming@example.com"},
                 "respondent": {"name": "徐家汇某数码店", "address": "上海市徐汇区肇嘉浜路1000号", "district": "310104"},
                 "description": "新买的手机屏幕有坏点，商家拒绝更换。", "claim": "更换新机", "amount": 5999,
                 "occurredAt": "2026-11-20T10:00:00+08:00"}""".formatted(reference);
    }

    static String complaintFromAnotherCaller(String reference) {
        return complaint(reference).replace("李明", "赵雷").replace("13812345678", "13700001234");
    }

    private ResponseEntity<String> post(String account, String json) {
        return http.withBasicAuth(account, "demo").exchange("/api/v1/cases", HttpMethod.POST,
                new HttpEntity<>(json, jsonHeaders()), String.class);
    }

    private ResponseEntity<String> get(String account, String path) {
        return http.withBasicAuth(account, "demo").getForEntity(path, String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private void clearLookupFailures() {
        jdbc.sql("delete from status_lookup_failure").update();
    }

    private int casesWithReference(String reference) {
        return jdbc.sql("select count(*) from case_file where external_reference = ?").param(reference)
                .query(Integer.class).single();
    }

    /** What a request could have created: case rows, process instances, and jobs (timers and mail steps). */
    record Counts(int cases, long processInstances, long jobs, int mails) {
    }

    private Counts counts() {
        return new Counts(jdbc.sql("select count(*) from case_file").query(Integer.class).single(),
                historyService.createHistoricProcessInstanceQuery().count(),
                managementService.createJobQuery().count(),
                jdbc.sql("select count(*) from mail_log").query(Integer.class).single());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
