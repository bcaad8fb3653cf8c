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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Open311 GeoReport v2 over HTTP as a civic-tech client uses it, with the demo api_key of the internet channel
 * and a second key of the 3·15 channel. Every refused POST is checked to have created nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false", "casedesk.open311.api-keys.tv-test-key=TV_315"})
class Open311ApiTests {

    static final String DEMO_KEY = "demo-open311-key";
    static final String TV_KEY = "tv-test-key";
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
                .containsEntry("external_reference", "open311:" + token)
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
        assertThat(jdbc.sql("select count(*) from case_file where external_reference = 'open311:APP-77'")
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
        assertThat(requestIds("status=closed")).isEmpty();
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
        ResponseEntity<String> response = get("/open311/v2/requests.json?api_key=" + DEMO_KEY + "&" + query, null);
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
