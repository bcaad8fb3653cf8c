package org.casedesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running app serves the project's webapp files in place of the webjar's: the files under
 * {@code src/main/resources/META-INF/resources/webjars/camunda/app} (locales, config.js, the Cockpit plugin) shadow
 * or add to the webjar's. What the plugin shows is checked in a browser by {@code CaseJourneyIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false"})
class WebappCustomisationServedTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "chinese-locale");
    }

    @Autowired TestRestTemplate http;

    @Test
    void tasklistServesTheChineseLocale() {
        ResponseEntity<String> locale = http.getForEntity("/camunda/app/tasklist/locales/zh.json", String.class);

        assertThat(locale.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(locale.getBody()).contains("\"CLAIM_TASK\": \"认领\"", "\"BANNER_CE_EOL_TEXT\": \"\"");
    }

    @Test
    void tasklistServesTheConfigThatOffersChinese() {
        ResponseEntity<String> config = http.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);

        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody()).contains("availableLocales: ['en', 'zh']", "fallbackLocale: 'en'");
    }

    @Test
    void cockpitLoadsTheCaseHistoryPlugin() {
        ResponseEntity<String> config = http.getForEntity("/camunda/app/cockpit/scripts/config.js", String.class);
        ResponseEntity<String> plugin = http.getForEntity("/camunda/app/cockpit/scripts/case-history.js", String.class);

        assertThat(config.getBody()).contains("customScripts: ['scripts/case-history', 'scripts/supervisor-dashboard']");
        assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plugin.getHeaders().getContentType()).hasToString("text/javascript");
        assertThat(plugin.getBody()).contains("export default [", "pluginPoint: 'cockpit.route'");
    }
}
