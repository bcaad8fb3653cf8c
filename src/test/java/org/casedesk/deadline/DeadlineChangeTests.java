package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The supervisor's path for changing a deadline, end to end over HTTP: deploy the edited BPMN to
 * {@code /engine-rest} as Camunda Modeler does, move the running cases with our migration endpoint, and the
 * running case's timer, task due date and stored deadline move with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false"})
class DeadlineChangeTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "deadline-change");
    }

    @Autowired TestRestTemplate http;
    @Autowired FormService formService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired DeadlineFacts facts;
    @Autowired DeadlineExtension extension;
    @Autowired RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void registrationDeadlineChangedInModelerMovesTheRunningCase() throws IOException {
        // Given a case received Thursday 2026-11-26 at 10:00 in Shanghai, due for registration that evening
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T02:00:00Z")));
        String processInstanceId = formService.submitStartForm(latestLifecycleId(), Map.of("channel", "PHONE",
                "complainantName", "李明", "complainantPhone", "13812345678", "respondentName", "某商行",
                "description", "退款未到账")).getId();
        String caseNumber = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
        assertThat(registrationTask(processInstanceId).getDueDate()).isEqualTo(at("2026-11-26T15:59:59Z"));

        // When a supervisor gives registration one more working day, deploys from Modeler and migrates
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T06:00:00Z")));
        String edited = Files.readString(Path.of("processes/case-lifecycle.bpmn")).replaceFirst(
                "(id=\"Timer_RegistrationDue\"[\\s\\S]*?<bpmn:timeDuration[^>]*>)0WD<", "$11WD<");
        assertThat(deploy(edited).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> migrated = http.withBasicAuth("supervisor", "demo")
                .postForEntity("/api/v1/deadline-migrations?processKey=case-lifecycle", null, Map.class);

        // Then the case counts one more working day from when it arrived, not from the migration
        assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(migrated.getBody()).containsEntry("toVersion", latestVersion());
        assertThat((Integer) migrated.getBody().get("migratedCases")).isPositive();
        assertThat(migrated.getBody().get("recountedCases")).isEqualTo(runningCases());
        assertThat(registrationTask(processInstanceId).getDueDate()).isEqualTo(at("2026-11-27T15:59:59Z"));
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("Timer_RegistrationDue").singleResult().getDuedate()).isEqualTo(at("2026-11-27T15:59:59Z"));
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("Timer_RegistrationReminder").singleResult().getDuedate())
                .isEqualTo(at("2026-11-26T08:00:00Z"));
        assertThat(facts.of(caseNumber)).singleElement()
                .satisfies(fact -> assertThat(fact.dueAt()).isEqualTo(Instant.parse("2026-11-27T15:59:59Z")));
    }

    @Test
    void approvedExtensionSurvivesMovingTheCaseToANewVersion() throws IOException {
        // Given a complaint in mediation since Thursday 2026-09-24, extended by 10 working days for testing
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-24T02:00:00Z")));
        String processInstanceId = formService.submitStartForm(latestLifecycleId(), Map.of("channel", "PHONE",
                "complainantName", "李明", "complainantPhone", "13812345678", "respondentName", "某商行",
                "respondentDistrict", "310101", "description", "月饼霉变")).getId();
        for (Map<String, Object> answers : List.<Map<String, Object>>of(
                Map.of("caseType", "COMPLAINT", "category", "FOOD"), Map.of("contactResult", "REACHED"),
                Map.of("acceptanceDecision", "ACCEPT"))) {
            formService.submitTaskForm(taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .singleResult().getId(), answers);
        }
        String caseNumber = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
        extension.extend(caseNumber, "Mediation", 10);

        // When another deadline changes and the cases are moved
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-20T02:00:00Z")));
        deploy(Files.readString(Path.of("processes/case-lifecycle.bpmn")).replaceFirst(
                "(id=\"Timer_RevisitDue\"[\\s\\S]*?<bpmn:timeDuration[^>]*>)3WD<", "$14WD<"));
        http.withBasicAuth("supervisor", "demo")
                .postForEntity("/api/v1/deadline-migrations?processKey=case-lifecycle", null, Map.class);

        // Then mediation still ends 45 + 10 working days after acceptance
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("Timer_MediationDue").singleResult().getDuedate()).isEqualTo(at("2026-12-17T15:59:59Z"));
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getDueDate())
                .isEqualTo(at("2026-12-17T15:59:59Z"));
    }

    @Test
    void workOrderDeadlineStricterThanTheStepsStillHoldsAfterTheCasesAreRecounted() throws IOException {
        // Given a 12345 work order due Wednesday 2026-12-02 18:00 in Shanghai, in acceptance (7 working days: 12-07)
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T02:00:00Z")));
        String processInstanceId = formService.submitStartForm(latestLifecycleId(), Map.of("channel", "HOTLINE_12345",
                "externalReference", "GD-20261126-0100", "workOrderDueAt", "2026-12-02T18:00+08:00",
                "complainantName", "李明", "complainantPhone", "13812345678", "respondentName", "某商行",
                "respondentDistrict", "310101", "description", "退款未到账")).getId();
        for (Map<String, Object> answers : List.<Map<String, Object>>of(
                Map.of("caseType", "COMPLAINT", "category", "FOOD"), Map.of("contactResult", "REACHED"))) {
            formService.submitTaskForm(taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .singleResult().getId(), answers);
        }
        assertThat(acceptanceDue(processInstanceId)).isEqualTo(at("2026-12-02T10:00:00Z"));

        // When another deadline changes and every running case's timers are recounted
        deploy(Files.readString(Path.of("processes/case-lifecycle.bpmn")).replaceFirst(
                "(id=\"Timer_RevisitDue\"[\\s\\S]*?<bpmn:timeDuration[^>]*>)3WD<", "$14WD<"));
        http.withBasicAuth("supervisor", "demo")
                .postForEntity("/api/v1/deadline-migrations?processKey=case-lifecycle", null, Map.class);

        // Then acceptance is still due when the work order is, not 7 working days after receipt
        assertThat(acceptanceDue(processInstanceId)).isEqualTo(at("2026-12-02T10:00:00Z"));
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("Timer_AcceptanceReminder").singleResult().getDuedate()).isEqualTo(at("2026-12-01T01:00:00Z"));
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getDueDate())
                .isEqualTo(at("2026-12-02T10:00:00Z"));
    }

    @Test
    void onlySupervisorsMayMoveCasesToANewDeadline() {
        assertThat(http.postForEntity("/api/v1/deadline-migrations", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("operator", "demo").postForEntity("/api/v1/deadline-migrations", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void engineRestApiNeedsCredentials() {
        assertThat(http.getForEntity("/engine-rest/deployment", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("dispatcher", "wrong").getForEntity("/engine-rest/deployment", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** What Modeler's Deploy button sends, with the forms attached so formRefBinding="deployment" finds them. */
    private ResponseEntity<String> deploy(String bpmn) throws IOException {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "case-lifecycle");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("case-lifecycle.bpmn", file("case-lifecycle.bpmn", bpmn.getBytes()));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                parts.add(form.getFileName().toString(), file(form.getFileName().toString(), Files.readAllBytes(form)));
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("supervisor", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private org.camunda.bpm.engine.task.Task registrationTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_RegisterCase")
                .singleResult();
    }

    private int runningCases() {
        return (int) runtimeService.createProcessInstanceQuery().processDefinitionKey("case-lifecycle").count();
    }

    private int latestVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult().getVersion();
    }

    private String latestLifecycleId() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult().getId();
    }

    private Date acceptanceDue(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId("Timer_AcceptanceDue")
                .singleResult().getDuedate();
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
