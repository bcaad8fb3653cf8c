package org.casedesk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who registered a case ({@code case_file.registered_by}) is whoever completed 登记案件, on every version of the
 * lifecycle, and the engine's history names the same user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false"})
class RegisteredByTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "registered-by");
    }

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    @Test
    void aCaseWaitingOnAnOlderVersionStillRecordsItsOperatorAfterANewerIsDeployed() throws IOException {
        // Given a case waiting at registration on an older version (the BPMN names no listener: the engine adds it
        // to every version it reads)
        String bpmn = Files.readString(Path.of("processes/case-lifecycle.bpmn"));
        String olderVersion = deploy(bpmn);
        String caseProcess = runtimeService.startProcessInstanceById(olderVersion, facts()).getId();
        // and a newer version deployed
        String newerVersion = deploy(bpmn);
        assertThat(newerVersion).isNotEqualTo(olderVersion);

        // When the operator claims and completes registration on the older version
        Task registration = registrationOf(caseProcess);
        taskService.claim(registration.getId(), "operator2");
        taskService.complete(registration.getId(), registrationForm());

        // Then
        assertThat(registeredBy(caseProcess)).isEqualTo("operator2");
    }

    @Test
    void registrationCompletedOverRestWithoutAClaimIsChargedToTheCallerInTheCaseAndTheHistory() {
        String caseProcess = runtimeService.startProcessInstanceByKey("case-lifecycle", facts()).getId();
        Task registration = registrationOf(caseProcess);

        assertThat(completeOverRest("operator", registration).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(registeredBy(caseProcess)).isEqualTo("operator");
        assertThat(historicAssignee(registration)).isEqualTo("operator");
    }

    @Test
    void registrationCompletedOnBehalfOfTheOperatorWhoClaimedItIsChargedToWhoCompletedIt() {
        String caseProcess = runtimeService.startProcessInstanceByKey("case-lifecycle", facts()).getId();
        Task registration = registrationOf(caseProcess);
        taskService.claim(registration.getId(), "operator2");

        assertThat(completeOverRest("operator", registration).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(registeredBy(caseProcess)).isEqualTo("operator");
        assertThat(historicAssignee(registration)).isEqualTo("operator");
    }

    @Test
    void theReportSplitOffAComplaintAndReportIsRegisteredByTheComplaintsOperator() {
        String caseProcess = runtimeService.startProcessInstanceByKey("case-lifecycle", facts()).getId();
        Task registration = registrationOf(caseProcess);
        taskService.claim(registration.getId(), "operator2");

        taskService.complete(registration.getId(), Map.of("caseType", "COMPLAINT_AND_REPORT", "category", "FOOD"));

        assertThat(jdbc.sql("""
                select r.registered_by from case_file c join case_file r on r.case_number = c.linked_case_number
                where c.process_instance_id = ?""").param(caseProcess).query(String.class).single())
                .isEqualTo("operator2");
    }

    private String deploy(String bpmn) throws IOException {
        var deployment = repositoryService.createDeployment().name("case-lifecycle").addString("case-lifecycle.bpmn",
                bpmn);
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        String deploymentId = deployment.deploy().getId();
        return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
    }

    private ResponseEntity<String> completeOverRest(String user, Task task) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"variables": {"caseType": {"value": "COMPLAINT"}, "category": {"value": "FOOD"}}}""";
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                new HttpEntity<>(body, headers), String.class);
    }

    private Task registrationOf(String caseProcess) {
        Task task = taskService.createTaskQuery().processInstanceId(caseProcess).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_RegisterCase");
        return task;
    }

    private String registeredBy(String caseProcess) {
        return jdbc.sql("select registered_by from case_file where process_instance_id = ?").param(caseProcess)
                .query(String.class).single();
    }

    private String historicAssignee(Task task) {
        return historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private static Map<String, Object> facts() {
        return Map.of("channel", "PHONE", "complainantName", "李明", "complainantPhone", "13812345678",
                "respondentName", "某商行", "respondentDistrict", "310101", "description", "退款未到账");
    }

    private static Map<String, Object> registrationForm() {
        return Map.of("caseType", "COMPLAINT", "category", "FOOD");
    }
}
