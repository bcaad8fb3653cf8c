package org.casedesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Chinese locale ({@code app/<app>/locales/zh.json}) of each translated Camunda webapp follows the English
 * locale of the webjar the build ships: the same keys, every placeholder kept, nothing left blank, and the
 * app's {@code config.js} offers it beside English. A Camunda upgrade that adds or renames keys fails here.
 */
class ChineseLocaleTests {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    /** {{…}} parameters, %s/%d of the date locale, and HTML tags (not texts such as "<Operation>" or "<null>"). */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{.*?\\}\\}|%[sd]|</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void chineseHasExactlyTheKeysOfTheEnglishLocale(String app) throws IOException {
        Map<String, JsonNode> english = leaves(locale(app, "en"));
        Map<String, JsonNode> chinese = leaves(locale(app, "zh"));

        assertThat(chinese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void chineseKeepsEveryPlaceholderOfTheEnglishText(String app) throws IOException {
        Map<String, JsonNode> english = leaves(locale(app, "en"));
        Map<String, JsonNode> chinese = leaves(locale(app, "zh"));
        List<String> lost = new ArrayList<>();

        english.forEach((key, text) -> {
            if (!text.isTextual() || key.equals("labels.BANNER_CE_EOL_TEXT") || !chinese.containsKey(key)) {
                return;
            }
            Matcher placeholder = PLACEHOLDER.matcher(text.asText());
            while (placeholder.find()) {
                if (!chinese.get(key).asText().contains(placeholder.group())) {
                    lost.add(key + " " + placeholder.group());
                }
            }
        });

        assertThat(lost).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void noChineseTextIsEmptyButTheEndOfLifeBanner(String app) throws IOException {
        Map<String, JsonNode> english = leaves(locale(app, "en"));
        Map<String, JsonNode> chinese = leaves(locale(app, "zh"));

        assertThat(chinese.get("labels.BANNER_CE_EOL_TEXT").asText()).isEmpty();
        assertThat(chinese.entrySet()).filteredOn(e -> e.getValue().isTextual() && e.getValue().asText().isBlank())
                .extracting(Map.Entry::getKey)
                // English leaves NO_TASK_FORM empty itself; Cockpit's *_S keys are English plural endings ("s")
                .allMatch(key -> key.equals("labels.BANNER_CE_EOL_TEXT") || english.get(key).asText().isEmpty()
                        || english.get(key).asText().equals("s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void configOffersChineseBesideEnglishAndFallsBackToEnglish(String app) throws IOException {
        String config = read(APP + app + "/scripts/config.js");

        Matcher available = Pattern.compile("availableLocales:\\s*\\[([^\\]]*)\\]").matcher(config);
        assertThat(available.find()).as("availableLocales set in %s config.js", app).isTrue();
        assertThat(available.group(1).split(",")).extracting(s -> s.strip().replace("'", "").replace("\"", ""))
                .containsExactlyInAnyOrder("en", "zh");
        assertThat(config).containsPattern("fallbackLocale:\\s*'en'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void userStylesHideTheEndOfLifeBannerInEveryLanguage(String app) throws IOException {
        String css = read(APP + app + "/styles/user-styles.css");

        assertThat(css).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
    }

    private static JsonNode locale(String app, String code) throws IOException {
        String text = read(APP + app + "/locales/" + code + ".json");
        return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ChineseLocaleTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every leaf by its dotted path, array items by index: labels.CLAIM_TASK, dateLocales.months.0. */
    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "." + i, node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }
}
