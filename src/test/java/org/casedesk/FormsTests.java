package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.casedesk.casefile.CaseVariables;
import org.casedesk.intake.OpenCaseFileDelegate.RepeatCallCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda Forms in {@code forms/}, as Tasklist (form-js 1.8.7) will read them: each form is named after its
 * file, binds every variable once, and offers exactly the choices the Java reads from the registration lists,
 * the district codes and the routing table, so a value picked in Tasklist is one the process understands.
 */
class FormsTests {

    private static final Path FORMS = Path.of("forms");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** GB/T 2260 codes of Shanghai's 16 districts, as in shared/data/shanghai-districts.csv. */
    private static final List<String> DISTRICT_CODES = List.of("310101", "310104", "310105", "310106", "310107",
            "310109", "310110", "310112", "310113", "310114", "310115", "310116", "310117", "310118", "310120",
            "310151");

    @Test
    void theFormsFolderHoldsTheStartFormAndOneFormPerUserTask() {
        assertThat(forms().map(FormsTests::formName)).containsExactlyInAnyOrder("start-case", "register-case",
                "inform-not-accepted", "dispatch-case", "contact-consumer", "decide-acceptance", "mediate-complaint",
                "verify-report", "revisit-consumer", "supervise-case", "supervise-overdue", "record-testing-time",
                "notify-mediation-ended", "inform-reporter", "request-verification-extension",
                "approve-verification-extension");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFormIsACamunda7FormWhoseIdIsItsFileName(Path file) {
        JsonNode form = read(file);

        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("id").asText()).isEqualTo(formName(file));
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void noTwoComponentsOfAFormShareAnId(Path file) {
        List<String> ids = components(read(file)).stream().map(component -> component.path("id").asText()).toList();

        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }

    /** form-js refuses to import a form that binds one variable twice. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void noTwoFieldsOfAFormBindTheSameVariable(Path file) {
        List<String> keys = components(read(file)).stream()
                .filter(component -> component.has("key"))
                .map(component -> component.get("key").asText())
                .toList();

        assertThat(keys).doesNotContain("").doesNotHaveDuplicates();
    }

    /** Disabled fields show the case to the worker without submitting it back over the process variables. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("userTaskForms")
    void everyUserTaskFormOpensWithTheCaseFactsAsDisabledFields(Path file) {
        JsonNode facts = read(file).path("components").path(0);

        assertThat(facts.path("type").asText()).isEqualTo("group");
        assertThat(facts.path("label").asText()).isEqualTo("案件信息");
        assertThat(components(facts)).filteredOn(component -> component.has("key")).isNotEmpty()
                .allSatisfy(field -> assertThat(field.path("disabled").asBoolean())
                        .as("%s is disabled", field.path("key").asText()).isTrue());
    }

    /** Without the leading "=" form-js does not evaluate the condition and never hides the field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyHideConditionIsAFeelExpression(Path file) {
        assertThat(components(read(file)))
                .filteredOn(component -> component.has("conditional"))
                .allSatisfy(component -> assertThat(component.path("conditional").path("hide").asText())
                        .startsWith("="));
    }

    @Test
    void categoryChoicesAreTheCategoriesOfTheRegistrationList() {
        Map<String, String> categories = csv("src/main/resources/registration/categories.csv", "key", "label");

        assertThat(choiceFields("category")).isNotEmpty()
                .allSatisfy(field -> assertThat(choices(field)).containsExactlyEntriesOf(categories));
    }

    @Test
    void notAcceptedGroundChoicesAreTheGroundsOfTheNegativeList() {
        Map<String, String> grounds = csv("src/main/resources/registration/not-accepted-grounds.csv", "key", "label");

        assertThat(choiceFields("notAcceptedGround")).isNotEmpty()
                .allSatisfy(field -> assertThat(choices(field)).containsExactlyEntriesOf(grounds));
    }

    @Test
    void aUnitRejectsOnAnyNegativeListGroundButJurisdictionWhichReturnsTheCaseInstead() {
        Map<String, String> grounds = new LinkedHashMap<>(
                csv("src/main/resources/registration/not-accepted-grounds.csv", "key", "label"));
        grounds.remove("NO_JURISDICTION");

        assertThat(choiceFields("rejectGround")).isNotEmpty()
                .allSatisfy(field -> assertThat(choices(field)).containsExactlyEntriesOf(grounds));
    }

    @Test
    void districtChoicesAreTheSixteenShanghaiDistricts() {
        assertThat(choiceFields("respondentDistrict")).isNotEmpty()
                .allSatisfy(field -> assertThat(choices(field).keySet()).containsExactlyElementsOf(DISTRICT_CODES));
    }

    @Test
    void theDispatcherChoosesFromTheUnitsOfTheRoutingTableOfferedAtRunTime() {
        assertThat(choiceFields("handlingUnit")).isNotEmpty().allSatisfy(field -> {
            assertThat(field.path("valuesKey").asText()).isEqualTo("unitOptions");
            assertThat(field.has("values")).isFalse();
        });
    }

    @Test
    void theOperatorMergesARepeatCallOnlyIntoTheLinkedCasesOfferedAtRunTime() {
        assertThat(choiceFields(CaseVariables.MERGE_INTO)).singleElement().satisfies(field -> {
            assertThat(field.path("valuesKey").asText()).isEqualTo(CaseVariables.MERGE_OPTIONS);
            assertThat(field.has("values")).isFalse();
        });
    }

    /** Those who forward a case or chase its unit need not call the consumer (PhoneMask); the handler does. */
    @Test
    void theDispatcherAndTheOverdueSupervisorSeeTheMaskedPhoneAndNoOtherFormDoes() {
        assertThat(formsWithKey(CaseVariables.COMPLAINANT_PHONE_MASKED))
                .containsExactly("dispatch-case", "supervise-overdue");
        assertThat(formsWithKey(CaseVariables.COMPLAINANT_PHONE))
                .contains("contact-consumer", "revisit-consumer").doesNotContain("dispatch-case", "supervise-overdue");
    }

    /** form-js fills a loop's names from each entry's keys; a name with no key shows as nothing, not as an error. */
    @Test
    void theRegisterFormListsTheLinkedCasesByTheNamesIntakeWrites() {
        String text = components(read(FORMS.resolve("register-case.form"))).stream()
                .map(component -> component.path("text").asText())
                .filter(candidate -> candidate.contains("{{#loop")).findFirst().orElseThrow();
        Matcher loop = Pattern.compile("\\{\\{#loop (\\w+)}}(.*?)\\{\\{/loop}}", Pattern.DOTALL).matcher(text);
        assertThat(loop.find()).isTrue();
        List<String> names = Pattern.compile("\\{\\{(\\w+)}}").matcher(loop.group(2)).results()
                .map(name -> name.group(1)).toList();

        assertThat(loop.group(1)).isEqualTo(CaseVariables.REPEAT_CALL_CASES);
        assertThat(names).containsExactlyInAnyOrderElementsOf(Arrays.stream(RepeatCallCase.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "021-62345678", "62345678"})
    void thePhonePatternAcceptsMobileAndLandlineNumbers(String phone) {
        assertThat(phonePattern().matcher(phone).find()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "2345678901"})
    void thePhonePatternRejectsNumbersThatAreNeitherMobileNorLandline(String phone) {
        assertThat(phonePattern().matcher(phone).find()).isFalse();
    }

    static Stream<Path> forms() {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> userTaskForms() {
        return forms().filter(file -> !List.of("start-case", "record-testing-time", "request-verification-extension")
                .contains(formName(file)));
    }

    /** As form-js tests it: {@code new RegExp(pattern).test(value)}, a search the pattern's anchors make whole. */
    private static Pattern phonePattern() {
        JsonNode phone = components(read(FORMS.resolve("start-case.form"))).stream()
                .filter(component -> component.path("key").asText().equals("complainantPhone"))
                .findFirst().orElseThrow();
        return Pattern.compile(phone.path("validate").path("pattern").asText());
    }

    private static List<String> formsWithKey(String key) {
        return forms().filter(file -> components(read(file)).stream()
                .anyMatch(component -> component.path("key").asText().equals(key)))
                .map(FormsTests::formName).toList();
    }

    private static List<JsonNode> choiceFields(String key) {
        return forms().map(FormsTests::read).flatMap(form -> components(form).stream())
                .filter(component -> component.path("key").asText().equals(key))
                .filter(component -> component.has("values") || component.has("valuesKey"))
                .toList();
    }

    private static Map<String, String> choices(JsonNode field) {
        Map<String, String> choices = new LinkedHashMap<>();
        field.path("values").forEach(option -> choices.put(option.path("value").asText(),
                option.path("label").asText()));
        return choices;
    }

    /** Every component of a form or group, groups included, depth first. */
    private static List<JsonNode> components(JsonNode parent) {
        List<JsonNode> all = new ArrayList<>();
        parent.path("components").forEach(component -> {
            all.add(component);
            all.addAll(components(component));
        });
        return all;
    }

    /** The first label seen for each key, in file order; the files hold no quoted commas. */
    private static Map<String, String> csv(String path, String keyColumn, String labelColumn) {
        try {
            List<String> lines = Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            int key = header.indexOf(keyColumn);
            int label = header.indexOf(labelColumn);
            Map<String, String> rows = new LinkedHashMap<>();
            lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1))
                    .forEach(row -> rows.putIfAbsent(row[key], row[label]));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String formName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.form$", "");
    }
}
