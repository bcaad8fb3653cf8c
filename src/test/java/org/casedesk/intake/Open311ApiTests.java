package org.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.casedesk.TestDatabase;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.Closure;
import org.casedesk.deadline.DeadlineFacts;
import org.casedesk.intake.IntakeRequest.Complainant;
import org.casedesk.intake.IntakeRequest.Respondent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Open311 GeoReport v2 over HTTP as a civic-tech client uses it, with the demo client of the internet channel, a
 * second client of the same channel and one of the 3·15 channel. Every refused POST is checked to have created
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "casedesk.open311.clients.tvtest.channel=TV_315",
        // printf %s tv-test-key | sha256sum
        "casedesk.open311.clients.tvtest.key-sha256=65828fc8de77882e821d9de413151444304d344d2bb1f36b0355f8fe5df8f5e5",
        "casedesk.open311.clients.otherapp.channel=INTERNET",
        // printf %s other-internet-key | sha256sum
        "casedesk.open311.clients.otherapp.key-sha256=7dae4db5e981fc2f22a56cabb09330b032607cc740edc3e8e9a0711553f7e030"})
class Open311ApiTests {

    static final String DEMO_KEY = "demo-open311-key";
    static final String TV_KEY = "tv-test-key";
    static final String OTHER_INTERNET_KEY = "other-internet-key";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "open311-api");
    }

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired IntakeService intake;
    @Autowired CaseFileService caseFiles;
    @Autowired DeadlineFacts deadlineFacts;
    @Autowired DataSource dataSource;
    @LocalServerPort int port;

    @Test
    void servicesJsonListsEveryCategoryOfTheRegistrationLists() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/open311/v2/services.json", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode services = JSON.readTree(response.getBody());
        assertThat(services.findValuesAsText("service_code")).containsExactlyElementsOf(categories().keySet());
        assertThat(services.findValuesAsText("service_name")).containsExactlyElementsOf(categories().values());
        assertThat(services.get(0).path("metadata").asBoolean()).isTrue();
        assertThat(services.get(0).path("type").asText()).isEqualTo("realtime");
        assertThat(services.get(0).path("group").asText()).isEqualTo("商品");
    }

    @Test
    void servicesXmlIsWellFormedAndListsTheSameServices() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/open311/v2/services.xml", String.class);

        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
        Document xml = xml(response);
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("services");
        assertThat(texts(xml, "/services/service/service_code")).containsExactlyElementsOf(categories().keySet());
        assertThat(texts(xml, "/services/service/service_name")).containsExactlyElementsOf(categories().values());
    }

    @Test
    void aServiceDefinitionListsTheAttributesArticle9NeedsBeyondOpen311sOwnFields() throws Exception {
        JsonNode definition = JSON.readTree(http.getForEntity("/open311/v2/services/FOOD.json", String.class).getBody());

        assertThat(definition.path("service_code").asText()).isEqualTo("FOOD");
        JsonNode attributes = definition.path("attributes");
        assertThat(attributes.findValuesAsText("code")).contains("type", "complainant_address", "respondent_name",
                "respondent_district", "claim", "amount", "occurred_at", "external_reference");
        assertThat(attribute(attributes, "type").path("values").findValuesAsText("key"))
                .containsExactlyInAnyOrderElementsOf(IntakeRules.TYPES);
        JsonNode district = attribute(attributes, "respondent_district");
        assertThat(district.path("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(district.path("values").get(0).path("key").asText()).isEqualTo("310101");
        assertThat(district.path("values").get(0).path("name").asText()).isEqualTo("黄浦区");
        assertThat(district.path("values")).hasSize(16);
        assertThat(attribute(attributes, "claim").path("description").asText()).contains("投诉必填");
        assertThat(attributes).filteredOn(attribute -> attribute.path("required").asBoolean())
                .extracting(attribute -> attribute.path("code").asText())
                .containsExactlyInAnyOrder("complainant_address", "respondent_name", "claim");

        Document xml = xml(http.getForEntity("/open311/v2/services/FOOD.xml", String.class));
        assertThat(texts(xml, "/service_definition/attributes/attribute/code"))
                .containsExactlyElementsOf(attributes.findValuesAsText("code"));
    }

    @Test
    void anUnknownServiceOrFormatIsNotFoundInOpen311sErrorFormat() throws Exception {
        ResponseEntity<String> service = http.getForEntity("/open311/v2/services/NO_SUCH.json", String.class);
        ResponseEntity<String> format = http.getForEntity("/open311/v2/services.csv", String.class);
        ResponseEntity<String> xml = http.getForEntity("/open311/v2/services/NO_SUCH.xml", String.class);

        assertThat(service.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(service.getBody()).get(0).path("code").asInt()).isEqualTo(404);
        assertThat(JSON.readTree(service.getBody()).get(0).path("description").asText()).contains("NO_SUCH");
        assertThat(format.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(format.getBody()).get(0).path("description").asText()).contains(".csv");
        assertThat(texts(xml(xml), "/errors/error/code")).containsExactly("404");
    }

    @Test
    void discoveryNamesTheSpecificationAndBothFormats() throws Exception {
        JsonNode discovery = JSON.readTree(http.getForEntity("/open311/v2/discovery.json", String.class).getBody());

        JsonNode endpoint = discovery.path("endpoints").get(0);
        assertThat(endpoint.path("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(discovery.has("changeset")).isFalse();
        assertThat(endpoint.path("url").asText()).endsWith("/open311/v2/");
        assertThat(endpoint.path("formats")).extracting(JsonNode::asText)
                .containsExactly("application/json", "text/xml");
        assertThat(texts(xml(http.getForEntity("/open311/v2/discovery.xml", String.class)),
                "/discovery/endpoints/endpoint/formats/format")).containsExactly("application/json", "text/xml");
    }

    @Test
    void aPostWithTheApiKeyCreatesACaseThatWaitsAtRegistration() throws Exception {
        ResponseEntity<String> response = post("json", complaint(DEMO_KEY));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = JSON.readTree(response.getBody()).get(0);
        String caseNumber = answer.path("service_request_id").asText();
        String token = answer.path("token").asText();
        assertThat(caseNumber).matches("SH\\d{14}");
        assertThat(token).hasSize(36);
        assertThat(answer.path("service_notice").asText()).contains("待登记").contains("未保存：lat、long");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_RegisterCase");
        assertThat(runtimeService.getVariable(instance.getId(), "category")).isEqualTo("COMMUNICATION_DEVICE");
        assertThat(runtimeService.getVariable(instance.getId(), "caseType")).isEqualTo("COMPLAINT");
        assertThat(jdbc.sql("""
                select channel, external_reference, complainant_name, complainant_phone, complainant_address,
                    respondent_name, respondent_address, respondent_district, claim, status
                from case_file where case_number = ?""").param(caseNumber).query().singleRow())
                .containsEntry("channel", "INTERNET")
                .containsEntry("external_reference", "open311:demo:" + token)
                .containsEntry("complainant_name", "李明")
                .containsEntry("complainant_phone", "13812345678")
                .containsEntry("complainant_address", "上海市徐汇区漕溪北路1号")
                .containsEntry("respondent_name", "徐家汇某数码店")
                .containsEntry("respondent_address", "上海市徐汇区肇嘉浜路1000号")
                .containsEntry("respondent_district", "310104")
                .containsEntry("claim", "更换新机")
                .containsEntry("status", "RECEIVED");
    }

    @Test
    void withoutOrWithAWrongApiKeyAPostIsRefusedWith403AndCreatesNothing() throws Exception {
        Counts before = counts();
        MultiValueMap<String, String> withoutKey = complaint(DEMO_KEY);
        withoutKey.remove("api_key");

        ResponseEntity<String> missing = post("json", withoutKey);
        ResponseEntity<String> wrong = post("xml", complaint("not-a-key"));

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(missing.getBody()).get(0).path("code").asInt()).isEqualTo(403);
        assertThat(JSON.readTree(missing.getBody()).get(0).path("description").asText()).contains("api_key");
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(texts(xml(wrong), "/errors/error/code")).containsExactly("403");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anIncompletePostIsRefusedWith400NamingEveryFieldAndCreatesNothing() throws Exception {
        Counts before = counts();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", DEMO_KEY);
        form.add("service_code", "NO_SUCH");
        form.add("description", "手机屏幕有坏点");
        form.add("phone", "12345");
        form.add("attribute[amount]", "很多");
        form.add("attribute[colour]", "红");

        ResponseEntity<String> response = post("json", form);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = JSON.readTree(response.getBody());
        assertThat(errors.findValuesAsText("code")).containsOnly("400");
        assertThat(errors.findValuesAsText("description")).extracting(description -> description.split("：")[0])
                .containsExactlyInAnyOrder("attribute[colour]", "attribute[amount]", "service_code", "phone",
                        "last_name/first_name", "attribute[complainant_address]", "attribute[respondent_name]",
                        "address_string", "attribute[claim]");
        assertThat(errors.findValuesAsText("description")).anySatisfy(description -> assertThat(description)
                .startsWith("attribute[claim]：").contains("第九条"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPostThatIsNoFormOrBrokenlyEncodedIsRefusedWith400() throws Exception {
        Counts before = counts();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> notAForm = http.postForEntity("/open311/v2/requests.json",
                new HttpEntity<>("{\"api_key\": \"" + DEMO_KEY + "\"}", json), String.class);
        ResponseEntity<String> broken = http.postForEntity("/open311/v2/requests.json",
                new HttpEntity<>("api_key=" + DEMO_KEY + "&description=%ZZ", form), String.class);

        assertThat(notAForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(notAForm.getBody()).get(0).path("description").asText())
                .contains("application/x-www-form-urlencoded");
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(broken.getBody()).get(0).path("description").asText()).contains("表单编码");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theSameExternalReferenceAgainReturnsTheSameCase() throws Exception {
        MultiValueMap<String, String> form = complaint(DEMO_KEY);
        form.add("attribute[external_reference]", "APP-77");
        String first = JSON.readTree(post("json", form).getBody()).get(0).path("service_request_id").asText();

        ResponseEntity<String> again = post("json", form);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode answer = JSON.readTree(again.getBody()).get(0);
        assertThat(answer.path("service_request_id").asText()).isEqualTo(first);
        assertThat(answer.path("token").asText()).isEqualTo("APP-77");
        assertThat(jdbc.sql("select count(*) from case_file where external_reference = 'open311:demo:APP-77'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRequestIsReadInJsonAndXmlWithStatusAndDatesButNoPersonalData() throws Exception {
        String caseNumber = submit(complaint(DEMO_KEY));

        ResponseEntity<String> json = get("/open311/v2/requests/" + caseNumber + ".json", DEMO_KEY);
        ResponseEntity<String> xml = get("/open311/v2/requests/" + caseNumber + ".xml", DEMO_KEY);

        JsonNode request = JSON.readTree(json.getBody()).get(0);
        assertThat(request.path("service_request_id").asText()).isEqualTo(caseNumber);
        assertThat(request.path("status").asText()).isEqualTo("open");
        assertThat(request.path("status_notes").asText()).isEqualTo("已受理，待登记");
        assertThat(request.path("service_code").asText()).isEqualTo("COMMUNICATION_DEVICE");
        assertThat(request.path("service_name").asText()).isEqualTo("通讯器材");
        assertThat(request.path("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(request.path("description").isNull()).isTrue();
        assertThat(json.getBody()).doesNotContain("李明", "13812345678", "漕溪北路", "肇嘉浜路", "坏点");
        Document document = xml(xml);
        assertThat(texts(document, "/service_requests/request/service_request_id")).containsExactly(caseNumber);
        assertThat(texts(document, "/service_requests/request/status")).containsExactly("open");
        assertThat(texts(document, "/service_requests/request/requested_datetime"))
                .containsExactly(request.path("requested_datetime").asText());
        assertThat(xml.getBody()).doesNotContain("李明", "13812345678");
    }

    @Test
    void requestsAreFilteredByServiceCodeStatusAndDates() throws Exception {
        MultiValueMap<String, String> travel = complaint(DEMO_KEY);
        travel.set("service_code", "TRAVEL");
        String device = submit(complaint(DEMO_KEY));
        String trip = submit(travel);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();

        assertThat(requestIds("service_code=TRAVEL")).contains(trip).doesNotContain(device);
        assertThat(requestIds("status=open")).contains(trip, device);
        assertThat(requestIds("status=closed")).doesNotContain(trip, device);
        assertThat(requestIds("start_date=" + hourAgo)).contains(trip, device);
        assertThat(requestIds("end_date=" + hourAgo)).doesNotContain(trip, device);
        assertThat(requestIds("service_request_id=" + device + "," + trip)).containsExactly(device, trip);
        assertThat(get(url("/open311/v2/requests.json", DEMO_KEY).queryParam("start_date", "yesterday").toUriString(),
                null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(url("/open311/v2/requests.json", DEMO_KEY).queryParam("end_date", now)
                .queryParam("start_date", "2020-01-01T00:00:00Z").toUriString(), null).getBody())
                .contains("90 天");
        assertThat(get(url("/open311/v2/requests.json", DEMO_KEY).queryParam("status", "pending").toUriString(),
                null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aTokenResolvesToItsCase() throws Exception {
        JsonNode answer = JSON.readTree(post("json", complaint(DEMO_KEY)).getBody()).get(0);
        String token = answer.path("token").asText();

        JsonNode resolved = JSON.readTree(get("/open311/v2/tokens/" + token + ".json", DEMO_KEY).getBody()).get(0);
        Document xml = xml(get("/open311/v2/tokens/" + token + ".xml", DEMO_KEY));

        assertThat(resolved.path("service_request_id").asText()).isEqualTo(answer.path("service_request_id").asText());
        assertThat(resolved.path("token").asText()).isEqualTo(token);
        assertThat(texts(xml, "/service_requests/request/service_request_id"))
                .containsExactly(answer.path("service_request_id").asText());
        assertThat(get("/open311/v2/tokens/no-such-token.json", DEMO_KEY).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherChannelsKeySeesNoneOfTheCasesAndNoKeySeesNothing() throws Exception {
        JsonNode answer = JSON.readTree(post("json", complaint(DEMO_KEY)).getBody()).get(0);
        String caseNumber = answer.path("service_request_id").asText();

        assertThat(get("/open311/v2/requests/" + caseNumber + ".json", TV_KEY).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/open311/v2/tokens/" + answer.path("token").asText() + ".json", TV_KEY).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(get("/open311/v2/requests.json", TV_KEY).getBody()).findValuesAsText("service_request_id"))
                .doesNotContain(caseNumber);
        assertThat(get("/open311/v2/requests/" + caseNumber + ".json", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/open311/v2/requests.json", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/open311/v2/tokens/" + answer.path("token").asText() + ".xml", "wrong").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndCreatesNothing() throws Exception {
        Counts before = counts();
        MultiValueMap<String, String> huge = complaint(DEMO_KEY);
        huge.set("description", "坏".repeat(30_000));

        ResponseEntity<String> declared = post("json", huge);
        byte[] body = ("api_key=" + DEMO_KEY + "&service_code=FOOD&description=" + "x".repeat(70_000))
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/open311/v2/requests.xml"))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(JSON.readTree(declared.getBody()).get(0).path("description").asText()).contains("64 KB");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("<code>413</code>", "64 KB");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void twoClientsOfOneChannelSendingTheSameReferenceGetTwoCasesAndSeeOnlyTheirOwn() throws Exception {
        MultiValueMap<String, String> fromDemo = complaint(DEMO_KEY);
        fromDemo.add("attribute[external_reference]", "SHARED-1");
        MultiValueMap<String, String> fromOther = complaint(OTHER_INTERNET_KEY);
        fromOther.add("attribute[external_reference]", "SHARED-1");
        String demoCase = submit(fromDemo);

        ResponseEntity<String> other = post("json", fromOther);

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String otherCase = JSON.readTree(other.getBody()).get(0).path("service_request_id").asText();
        assertThat(otherCase).isNotEqualTo(demoCase);
        assertThat(jdbc.sql("select external_reference from case_file where case_number = ?").param(otherCase)
                .query(String.class).single()).isEqualTo("open311:otherapp:SHARED-1");
        assertThat(get("/open311/v2/requests/" + demoCase + ".json", OTHER_INTERNET_KEY).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(get("/open311/v2/tokens/SHARED-1.json", OTHER_INTERNET_KEY).getBody()).get(0)
                .path("service_request_id").asText()).isEqualTo(otherCase);
        assertThat(requestIds(OTHER_INTERNET_KEY, "")).contains(otherCase).doesNotContain(demoCase);
        assertThat(requestIds(OTHER_INTERNET_KEY, "service_request_id=" + demoCase + "," + otherCase))
                .containsExactly(otherCase);
        assertThat(requestIds(DEMO_KEY, "service_request_id=" + demoCase + "," + otherCase))
                .containsExactly(demoCase);
    }

    @Test
    void theIntakeApisCasesOfTheSameChannelAreNotShownToOpen311Clients() throws Exception {
        String webCase = intake.submit(new IntakeRequest("INTERNET", "WEB-" + UUID.randomUUID(), "COMPLAINT",
                "COMMUNICATION_DEVICE", new Complainant("李明", "13812345678", "上海市徐汇区漕溪北路1号", null),
                new Respondent("徐家汇某数码店", "上海市徐汇区肇嘉浜路1000号", "310104", null, null),
                "新买的手机屏幕有坏点，商家拒绝更换。", "更换新机", null, null, null)).caseFile().caseNumber();

        assertThat(requestIds(DEMO_KEY, "")).doesNotContain(webCase);
        assertThat(requestIds(DEMO_KEY, "service_request_id=" + webCase)).isEmpty();
        assertThat(get("/open311/v2/requests/" + webCase + ".json", DEMO_KEY).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theKeyMayComeAsXApiKeyHeaderButNotAsADifferentKeyThanTheParameter() throws Exception {
        String caseNumber = submit(complaint(DEMO_KEY));
        HttpHeaders demoKey = new HttpHeaders();
        demoKey.set("X-Api-Key", DEMO_KEY);

        ResponseEntity<String> byHeader = http.exchange("/open311/v2/requests/" + caseNumber + ".json",
                HttpMethod.GET, new HttpEntity<>(demoKey), String.class);
        ResponseEntity<String> twoKeys = http.exchange(url("/open311/v2/requests/" + caseNumber + ".json", TV_KEY)
                .toUriString(), HttpMethod.GET, new HttpEntity<>(demoKey), String.class);

        assertThat(byHeader.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(byHeader.getBody()).get(0).path("service_request_id").asText()).isEqualTo(caseNumber);
        assertThat(twoKeys.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(twoKeys.getBody()).get(0).path("description").asText()).contains("X-Api-Key");
    }

    @Test
    void aPostTakesTheKeyFromTheQueryStringOrTheHeader() throws Exception {
        MultiValueMap<String, String> withoutKey = complaint(DEMO_KEY);
        withoutKey.remove("api_key");
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        HttpHeaders formWithKey = new HttpHeaders();
        formWithKey.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        formWithKey.set("X-Api-Key", DEMO_KEY);

        ResponseEntity<String> inQuery = http.postForEntity(url("/open311/v2/requests.json", DEMO_KEY).toUriString(),
                new HttpEntity<>(withoutKey, form), String.class);
        ResponseEntity<String> inHeader = http.postForEntity("/open311/v2/requests.json",
                new HttpEntity<>(withoutKey, formWithKey), String.class);

        assertThat(inQuery.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(inHeader.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPostWithTheCasesDataInTheQueryStringIsRefusedAndCreatesNothing() throws Exception {
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> withoutPhone = complaint(DEMO_KEY);
        withoutPhone.remove("api_key");
        withoutPhone.remove("phone");
        long before = jdbc.sql("select count(*) from case_file").query(Long.class).single();

        ResponseEntity<String> response = http.postForEntity(url("/open311/v2/requests.json", DEMO_KEY)
                .queryParam("phone", "13812345678").toUriString(), new HttpEntity<>(withoutPhone, form), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).get(0).path("description").asText()).startsWith("phone 须放在请求体中");
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void charactersXmlForbidsAreReplacedSoAnErrorEchoingThemIsWellFormed() throws Exception {
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> response = http.postForEntity("/open311/v2/requests.xml", new HttpEntity<>(
                "api_key=" + DEMO_KEY + "&service_code=FOOD&attribute%5Bcol%01our%5D=red", form), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(texts(xml(response), "/errors/error/description"))
                .contains("attribute[col\uFFFDour]：此服务没有这个属性");
        assertThat(Open311Format.xmlCharacters("a\u0000b\u001Fc\t\n\r\uFFFE\uD800d😀中"))
                .isEqualTo("a\uFFFDb\uFFFDc\t\n\r\uFFFD\uFFFDd😀中");
    }

    @Test
    void aClosedCaseIsFoundByStatusClosedWithItsClosingTimeAsUpdated() throws Exception {
        String caseNumber = submit(complaint(DEMO_KEY));
        Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        caseFiles.close(caseNumber, Closure.ANSWERED, null, closedAt);

        JsonNode request = JSON.readTree(get("/open311/v2/requests/" + caseNumber + ".json", DEMO_KEY).getBody()).get(0);

        assertThat(requestIds("status=closed")).contains(caseNumber);
        assertThat(requestIds("status=open")).doesNotContain(caseNumber);
        assertThat(requestIds("status=open,closed")).contains(caseNumber);
        assertThat(request.path("status").asText()).isEqualTo("closed");
        assertThat(request.path("status_notes").asText()).isEqualTo("已办结");
        assertThat(OffsetDateTime.parse(request.path("updated_datetime").asText()).toInstant()).isEqualTo(closedAt);
    }

    @Test
    void aRequestNamesTheUnitThatHasItAndWhenItsOpenStepFallsDue() throws Exception {
        String caseNumber = submit(complaint(DEMO_KEY));
        Instant registrationDue = deadlineFacts.of(caseNumber).get(0).dueAt();

        JsonNode received = JSON.readTree(get("/open311/v2/requests/" + caseNumber + ".json", DEMO_KEY).getBody()).get(0);
        caseFiles.recordForwarded(caseNumber, "310104", "徐汇区市场监督管理局", Instant.now());
        JsonNode forwarded = JSON.readTree(get("/open311/v2/requests/" + caseNumber + ".json", DEMO_KEY).getBody()).get(0);

        assertThat(received.path("agency_responsible").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(received.path("expected_datetime").asText()).toInstant())
                .isEqualTo(registrationDue.truncatedTo(ChronoUnit.SECONDS));
        assertThat(forwarded.path("agency_responsible").asText()).isEqualTo("徐汇区市场监督管理局");
        assertThat(forwarded.path("status_notes").asText()).isEqualTo("承办单位办理中");
    }

    @Test
    void aRepeatCallMergedIntoAnotherCaseSaysWhichInItsStatusNotes() throws Exception {
        String kept = submit(complaint(DEMO_KEY));
        String merged = submit(complaint(DEMO_KEY));
        jdbc.sql("update case_file set merged_into = ? where case_number = ?").params(kept, merged).update();
        caseFiles.close(merged, Closure.MERGED, null, Instant.now());

        JsonNode request = JSON.readTree(get("/open311/v2/requests/" + merged + ".json", DEMO_KEY).getBody()).get(0);

        assertThat(request.path("status").asText()).isEqualTo("closed");
        assertThat(request.path("status_notes").asText()).isEqualTo("已并入案件 " + kept);
    }

    @Test
    void serviceRequestIdsAreAnsweredOnceEachAndAtMost1000AreTaken() throws Exception {
        String caseNumber = submit(complaint(DEMO_KEY));
        String tooMany = String.join(",", IntStream.rangeClosed(1, 1001).mapToObj(i -> "SH" + i).toList());

        assertThat(requestIds("service_request_id=" + caseNumber + ", ," + caseNumber)).containsExactly(caseNumber);
        ResponseEntity<String> refused = get(url("/open311/v2/requests.json", DEMO_KEY)
                .queryParam("service_request_id", tooMany).toUriString(), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("至多 1000");
    }

    @Test
    void aRangeWithMoreThan1000CasesAnswersTheNewest1000() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Object[]> rows = IntStream.rangeClosed(1, 1001).mapToObj(i -> new Object[] {"BULK" + i,
                "open311:tvtest:bulk-" + i, LocalDateTime.ofInstant(now.minusSeconds(2000 - i), ZoneOffset.UTC)})
                .toList();
        new JdbcTemplate(dataSource).batchUpdate("""
                insert into case_file (case_number, channel, external_reference, status, received_at)
                values (?, 'TV_315', ?, 'RECEIVED', ?)""", rows);

        List<String> ids = JSON.readTree(get("/open311/v2/requests.json", TV_KEY).getBody())
                .findValuesAsText("service_request_id");

        assertThat(ids).hasSize(1000).startsWith("BULK1001", "BULK1000").doesNotContain("BULK1");
    }

    static MultiValueMap<String, String> complaint(String apiKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", apiKey);
        form.add("service_code", "COMMUNICATION_DEVICE");
        form.add("attribute[type]", "COMPLAINT");
        form.add("description", "新买的手机屏幕有坏点，商家拒绝更换。");
        form.add("last_name", "李");
        form.add("first_name", "明");
        form.add("phone", "13812345678");
        form.add("email", "li.ming@example.com");
        form.add("address_string", "上海市徐汇区肇嘉浜路1000号");
        form.add("lat", "31.19");
        form.add("long", "121.43");
        form.add("attribute[complainant_address]", "上海市徐汇区漕溪北路1号");
        form.add("attribute[respondent_name]", "徐家汇某数码店");
        form.add("attribute[respondent_district]", "310104");
        form.add("attribute[claim]", "更换新机");
        form.add("attribute[amount]", "5999");
        return form;
    }

    private String submit(MultiValueMap<String, String> form) throws Exception {
        ResponseEntity<String> response = post("json", form);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(response.getBody()).get(0).path("service_request_id").asText();
    }

    private List<String> requestIds(String query) throws Exception {
        return requestIds(DEMO_KEY, query);
    }

    private List<String> requestIds(String apiKey, String query) throws Exception {
        ResponseEntity<String> response = get("/open311/v2/requests.json?api_key=" + apiKey + "&" + query, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody()).findValuesAsText("service_request_id");
    }

    private ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity("/open311/v2/requests." + format, new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> get(String path, String apiKey) {
        return http.getForEntity(apiKey == null ? path : url(path, apiKey).toUriString(), String.class);
    }

    private static UriComponentsBuilder url(String path, String apiKey) {
        return UriComponentsBuilder.fromPath(path).queryParam("api_key", apiKey).encode();
    }

    private static JsonNode attribute(JsonNode attributes, String code) {
        for (JsonNode attribute : attributes) {
            if (attribute.path("code").asText().equals(code)) {
                return attribute;
            }
        }
        throw new AssertionError("No attribute " + code);
    }

    /** categories.csv: key → label. */
    private static Map<String, String> categories() throws Exception {
        Map<String, String> categories = new LinkedHashMap<>();
        new ClassPathResource("registration/categories.csv").getContentAsString(StandardCharsets.UTF_8).lines()
                .skip(1).filter(line -> !line.isBlank())
                .forEach(line -> categories.put(line.split(",")[0], line.split(",")[1]));
        return categories;
    }

    private static Document xml(ResponseEntity<String> response) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document xml, String path) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** What a request could have created: case rows and process instances. */
    record Counts(int cases, long processInstances) {
    }

    private Counts counts() {
        return new Counts(jdbc.sql("select count(*) from case_file").query(Integer.class).single(),
                historyService.createHistoricProcessInstanceQuery().count());
    }
}
