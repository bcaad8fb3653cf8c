package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.casedesk.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the supervisors' dashboard in Cockpit reads: our reports API with the webapp login's cookie instead of HTTP
 * Basic — for a GET only, and still only for the groups the reports allow — and the open overdue steps by unit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class DashboardApiTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "dashboard-api");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void oneOverdueAcceptanceAtHuangpu() {
        jdbc.sql("delete from case_deadline").update();
        jdbc.sql("delete from case_file where case_number = 'SH20261120000007'").update();
        jdbc.sql("""
                insert into case_file (case_number, channel, status, handling_unit, handling_unit_name, received_at)
                values ('SH20261120000007', 'PHONE', 'WITH_UNIT', '310101', '黄浦区市场监督管理局', ?)""")
                .param(LocalDateTime.parse("2026-11-20T01:00:00")).update();
        // due 2026-11-27 23:59:59 in Shanghai, marked overdue when that passed
        jdbc.sql("""
                insert into case_deadline (activity_instance_id, case_number, deadline, started_at, due_at, overdue_at,
                    handling_unit, handling_unit_name)
                values ('Task_ContactConsumer:1', 'SH20261120000007', 'ACCEPTANCE', ?, ?, ?, '310101', '黄浦区市场监督管理局')""")
                .params(LocalDateTime.parse("2026-11-20T02:00:00"), LocalDateTime.parse("2026-11-27T15:59:59"),
                        LocalDateTime.parse("2026-11-27T16:00:00"))
                .update();
    }

    @Test
    void aSupervisorLoggedIntoCockpitReadsTheOverdueStepsWithTheSessionAlone() throws Exception {
        String session = logIn("supervisor", "cockpit");

        HttpResponse<String> overdue = send(get("/api/v1/reports/overdue").header("Cookie", "JSESSIONID=" + session));

        assertThat(overdue.statusCode()).isEqualTo(200);
        JsonNode units = JSON.readTree(overdue.body());
        assertThat(units).hasSize(1);
        assertThat(units.get(0).path("name").asText()).isEqualTo("黄浦区市场监督管理局");
        JsonNode step = units.get(0).path("deadlines").get(0);
        assertThat(step.path("caseNumber").asText()).isEqualTo("SH20261120000007");
        assertThat(step.path("step").asText()).isEqualTo("受理审查");
        assertThat(step.path("dueAtShanghai").asText()).isEqualTo("2026-11-27 23:59");
    }

    @Test
    void theSessionOpensReadsOnlyAndOnlyForTheReportsGroups() throws Exception {
        String supervisor = logIn("supervisor", "cockpit");
        String operator = logIn("operator", "tasklist");

        // a change needs HTTP Basic: another site's form would carry the cookie too
        HttpResponse<String> post = send(HttpRequest.newBuilder(url("/api/v1/cases"))
                .header("Cookie", "JSESSIONID=" + supervisor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(401);
        // and reads other than reports do too: the session opens reports only
        assertThat(send(get("/api/v1/cases/SH20261120000007").header("Cookie", "JSESSIONID=" + supervisor))
                .statusCode()).isEqualTo(401);
        // an operator's Tasklist login is a login, but reports are not for operators
        assertThat(send(get("/api/v1/reports/overdue").header("Cookie", "JSESSIONID=" + operator)).statusCode())
                .isEqualTo(403);
        assertThat(send(get("/api/v1/reports/overdue")).statusCode()).isEqualTo(401);
    }

    /** Logs in as the webapp's login form does (CSRF token from the page first); returns the session id. */
    private String logIn(String user, String app) throws Exception {
        HttpResponse<String> page = send(get("/camunda/app/" + app + "/default/"));
        String token = cookie(page, "XSRF-TOKEN");
        String session = cookie(page, "JSESSIONID");
        HttpResponse<String> login = send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode("demo", StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).as("%s logs into %s", user, app).isEqualTo(200);
        // the login gives the session a new id
        return login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="))
                ? cookie(login, "JSESSIONID") : session;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(url(path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return setCookie.substring(name.length() + 1, setCookie.indexOf(';'));
    }
}
