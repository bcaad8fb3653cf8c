package org.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The prod profile over HTTP, as a browser and an API client meet it: only the administrator from the environment
 * exists, the webapps' login cookie is Secure, HttpOnly and SameSite, a webapp change without the CSRF token is
 * refused, and the APIs answer with the security headers. On the test's database ({@link TestDatabase}), with the
 * mysql profile in the {@code -Pmysql} run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "CASEDESK_ADMIN_ID=chief",
        "CASEDESK_ADMIN_PASSWORD=" + ProductionProfileTests.PASSWORD})
@ActiveProfiles(resolver = ProductionProfileTests.Profiles.class)
class ProductionProfileTests {

    static final String PASSWORD = "Zx-12315-Secure";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "production-profile");
    }

    @Autowired IdentityService identityService;
    @LocalServerPort int port;

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theOnlyUserIsTheAdministratorFromTheEnvironmentInCamundaAdmin() {
        assertThat(identityService.createUserQuery().list()).extracting(user -> user.getId())
                .containsExactly("chief");
        assertThat(identityService.checkPassword("chief", PASSWORD)).isTrue();
        assertThat(identityService.createGroupQuery().groupMember("chief").list()).extracting(Group::getId)
                .containsExactly("camunda-admin");
    }

    @Test
    void theWebappLoginSetsASecureHttpOnlySameSiteSessionCookie() throws Exception {
        // Given the CSRF token a webapp page hands out
        Session session = openCockpit();

        // When the administrator logs in to Cockpit
        HttpResponse<String> login = login(session);

        // Then
        assertThat(login.statusCode()).isEqualTo(200);
        String sessionCookie = setCookie(login, "JSESSIONID").orElseThrow();
        assertThat(attributes(sessionCookie)).containsOnlyOnce("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(attributes(setCookie(session.page(), "JSESSIONID").orElseThrow()))
                .containsOnlyOnce("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(attributes(setCookie(session.page(), "XSRF-TOKEN").orElseThrow()))
                .contains("Secure", "SameSite=Lax");
    }

    @Test
    void aWebappChangeWithoutTheCsrfTokenIsRefusedWhileWithItItIsDone() throws Exception {
        // Given a logged-in administrator, with the token the webapp gets after the login
        String loggedIn = cookieValue(setCookie(login(openCockpit()), "JSESSIONID").orElseThrow());
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/camunda/app/admin/default/"))
                .header("Cookie", "JSESSIONID=" + loggedIn));
        String token = cookieValue(setCookie(page, "XSRF-TOKEN").orElseThrow());

        // When Admin creates a user with the token, and another without it
        HttpResponse<String> withToken = createUser(loggedIn, token, true, "operator1");
        HttpResponse<String> withoutToken = createUser(loggedIn, token, false, "operator2");

        // Then
        assertThat(withToken.statusCode()).isEqualTo(204);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        assertThat(identityService.createUserQuery().userIdIn("operator1", "operator2").list())
                .extracting(user -> user.getId()).containsExactly("operator1");
        identityService.deleteUser("operator1");
    }

    @Test
    void theApisAnswerWithSecurityHeadersAndHstsOverHttps() throws Exception {
        HttpResponse<String> api = send(HttpRequest.newBuilder(url("/api/v1/cases"))
                .header("X-Forwarded-Proto", "https"));
        HttpResponse<String> open311 = send(HttpRequest.newBuilder(url("/open311/v2/services.json"))
                .header("X-Forwarded-Proto", "https"));
        HttpResponse<String> engineRest = send(HttpRequest.newBuilder(url("/engine-rest/user"))
                .header("X-Forwarded-Proto", "https").header("Authorization", basic("chief", PASSWORD)));

        assertThat(List.of(api, open311, engineRest)).extracting(HttpResponse::statusCode).containsExactly(401, 200, 200);
        for (HttpResponse<String> answer : List.of(api, open311, engineRest)) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        }
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(open311.headers().firstValue("Cache-Control")).hasValue("no-store");
        // Camunda's own CacheControlFilter answers the engine's GETs after ours (no-store stays on its other calls)
        assertThat(engineRest.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void healthTellsAnonymousCallersTheStatusOnly() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(url("/actuator/health")));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "workingDayCalendar");
    }

    @Test
    void overPlainHttpTheApisSendNoHsts() throws Exception {
        HttpResponse<String> api = send(HttpRequest.newBuilder(url("/api/v1/cases")));

        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theWebappsAnswerWithHstsAndTheirContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = openCockpit().page();

        assertThat(page.headers().firstValue("Strict-Transport-Security")).get().asString()
                .startsWith("max-age=31536000");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** Cockpit's page as a browser first loads it, with the CSRF token it hands out. */
    private Session openCockpit() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/camunda/app/cockpit/default/"))
                .header("X-Forwarded-Proto", "https"));
        assertThat(page.statusCode()).isEqualTo(200);
        return new Session(page, cookieValue(setCookie(page, "XSRF-TOKEN").orElseThrow()),
                cookieValue(setCookie(page, "JSESSIONID").orElseThrow()));
    }

    /** What Cockpit's login form posts. */
    private HttpResponse<String> login(Session session) throws Exception {
        String form = "username=chief&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Cookie", "JSESSIONID=" + session.sessionId() + "; XSRF-TOKEN=" + session.csrfToken())
                .header("X-XSRF-TOKEN", session.csrfToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** What Admin posts to create a user; the browser sends the CSRF cookie always, the webapp the header. */
    private HttpResponse<String> createUser(String sessionId, String csrfToken, boolean csrfHeader, String id)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/user/create"))
                .header("Cookie", "JSESSIONID=" + sessionId + "; XSRF-TOKEN=" + csrfToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"profile": {"id": "%s", "firstName": "芳", "lastName": "王"},
                         "credentials": {"password": "Staff-12315-pw"}}""".formatted(id)));
        if (csrfHeader) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst();
    }

    private static List<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(String::trim).toList();
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A browser's state after loading a webapp page: the page, its CSRF token and its session. */
    record Session(HttpResponse<String> page, String csrfToken, String sessionId) {
    }

    /** prod on the test's database: with the mysql profile in the -Pmysql run, as production runs it. */
    static class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return TestDatabase.isMysql() ? new String[] {"mysql", "prod"} : new String[] {"prod"};
        }
    }
}
