package org.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The roles of DESIGN.md over HTTP, with Camunda authorization on and the grants of {@link RoleAuthorizations}:
 * nothing without credentials, a unit keeps to its own tasks, the auditor reads and changes nothing, the supervisor
 * deploys, the operator starts a case and finds it in 待登记.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class RoleAuthorizationsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "role-authorizations");
    }

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired AuthorizationService authorizationService;
    @Autowired IdentityService identityService;
    @Autowired RoleAuthorizations roleAuthorizations;

    @Test
    void withoutCredentialsTheEngineRestApiAndTheIntakeApiAnswer401() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/v1/cases", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aHuangpuHandlerDoesNotSeePudongsTaskAndMayNotCompleteIt() throws Exception {
        // Given a case at Pudong's (unit-310115) and one at Huangpu's (unit-310101) first contact
        String pudongTask = unitTask(startAndRegister("310115"));
        String huangpuTask = unitTask(startAndRegister("310101"));

        // When Huangpu's handler lists tasks and tries to complete Pudong's
        JsonNode listed = JSON.readTree(send("huangpu", HttpMethod.GET, "/engine-rest/task?maxResults=1000", null)
                .getBody());
        ResponseEntity<String> completed = send("huangpu", HttpMethod.POST,
                "/engine-rest/task/" + pudongTask + "/complete", "{}");

        // Then only Huangpu's task is listed, and Pudong's is refused and still open
        assertThat(listed.findValuesAsText("id")).contains(huangpuTask).doesNotContain(pudongTask);
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(pudongTask).count()).isOne();
    }

    @Test
    void theAuditorReadsCasesAndTheirHistory() throws Exception {
        // Given
        String caseProcess = startAndRegister("310101");

        // When
        ResponseEntity<String> running = send("auditor", HttpMethod.GET, "/engine-rest/process-instance?maxResults=1000", null);
        ResponseEntity<String> history = send("auditor", HttpMethod.GET,
                "/engine-rest/history/process-instance?maxResults=1000", null);

        // Then
        assertThat(running.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(running.getBody()).findValuesAsText("id")).contains(caseProcess);
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(history.getBody()).findValuesAsText("id")).contains(caseProcess);
    }

    @Test
    void theAuditorMayNotCompleteClaimCancelChangeVariablesRetryJobsOrDeploy() throws Exception {
        // Given a case at Huangpu's first contact, with its timers
        String caseProcess = startAndRegister("310101");
        String task = unitTask(caseProcess);
        Job job = managementService.createJobQuery().processInstanceId(caseProcess).list().get(0);
        long deployments = repositoryService.createDeploymentQuery().count();

        // When the auditor tries each change
        List<ResponseEntity<String>> attempts = List.of(
                send("auditor", HttpMethod.POST, "/engine-rest/task/" + task + "/complete", "{}"),
                send("auditor", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"auditor\"}"),
                send("auditor", HttpMethod.DELETE, "/engine-rest/process-instance/" + caseProcess, null),
                send("auditor", HttpMethod.PUT, "/engine-rest/process-instance/" + caseProcess + "/variables/handlingUnit",
                        "{\"value\":\"310115\",\"type\":\"String\"}"),
                send("auditor", HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/retries", "{\"retries\":7}"),
                deploy("auditor"));

        // Then each is refused and nothing changed
        assertThat(attempts).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.FORBIDDEN);
        Task open = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(open).isNotNull();
        assertThat(open.getAssignee()).isNull();
        assertThat(runtimeService.getVariable(caseProcess, "handlingUnit")).isEqualTo("310101");
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isEqualTo(job.getRetries());
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void eachRoleLogsIntoItsOwnWebappsOnly() {
        // the webapps' login asks the engine for ACCESS to the application
        Map<String, List<String>> apps = Map.of(
                "operator", List.of("tasklist"),
                "huangpu", List.of("tasklist"),
                "dispatcher", List.of("tasklist"),
                "supervisor", List.of("tasklist", "cockpit"),
                "auditor", List.of("cockpit"),
                "internetplatform", List.of(),
                "admin", List.of("tasklist", "cockpit", "admin"));
        apps.forEach((user, allowed) -> {
            List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).toList();
            for (String app : List.of("tasklist", "cockpit", "admin")) {
                assertThat(authorizationService.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION,
                        app)).as("%s in %s", user, app).isEqualTo(allowed.contains(app));
            }
        });
    }

    @Test
    void theSupervisorMayDeploy() {
        assertThat(deploy("supervisor").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("authz-probe").count())
                .isPositive();
    }

    @Test
    void theOperatorStartsACaseFromTheStartFormAndFindsItIn待登记() throws Exception {
        // When the operator submits the start form
        String body = JSON.writeValueAsString(Map.of("variables", Map.of(
                "channel", Map.of("value", "PHONE"),
                "complainantName", Map.of("value", "顾客"),
                "complainantPhone", Map.of("value", "13912340001"),
                "respondentName", Map.of("value", "某超市"),
                "respondentDistrict", Map.of("value", "310101"),
                "description", Map.of("value", "购买的牛奶已过保质期"))));
        ResponseEntity<String> started = send("operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/case-lifecycle/submit-form", body);
        String caseProcess = JSON.readTree(started.getBody()).path("id").asText();

        // Then the registration task is in the operators' 待登记 filter
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode filters = JSON.readTree(send("operator", HttpMethod.GET, "/engine-rest/filter?name=待登记", null).getBody());
        assertThat(filters).hasSize(1);
        JsonNode queue = JSON.readTree(send("operator", HttpMethod.POST,
                "/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list?maxResults=1000", "{}").getBody());
        assertThat(queue.findValuesAsText("processInstanceId")).contains(caseProcess);
    }

    @Test
    void creatingTheAuthorizationsAgainChangesNothing() {
        // Given the start-up run
        long before = authorizationService.createAuthorizationQuery().count();
        List<String> groups = roleAuthorizations.grants().stream().map(RoleAuthorizations.Grant::group).distinct()
                .toList();
        long table = authorizationService.createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new)).count();

        // When it runs twice more
        roleAuthorizations.create();
        roleAuthorizations.create();

        // Then
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new)).count())
                .isEqualTo(table);
        for (RoleAuthorizations.Grant grant : roleAuthorizations.grants()) {
            Authorization stored = authorizationService.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(grant.group())
                    .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
            assertThat(stored).as(grant.toString()).isNotNull();
            grant.permissions().forEach(permission -> assertThat(stored.isPermissionGranted(permission))
                    .as(grant + " " + permission).isTrue());
        }
    }

    /** Starts a phone complaint about a shop in {@code district} and registers it, as the engine (no user). */
    private String startAndRegister(String district) {
        String caseProcess = runtimeService.startProcessInstanceByKey("case-lifecycle", Map.of(
                "channel", "PHONE",
                "complainantName", "顾客",
                "complainantPhone", "13912340002",
                "respondentName", "某超市" + district,
                "respondentDistrict", district,
                "description", "购买的牛奶已过保质期")).getId();
        Task register = taskService.createTaskQuery().processInstanceId(caseProcess)
                .taskDefinitionKey("Task_RegisterCase").singleResult();
        taskService.complete(register.getId(), Map.of("caseType", "COMPLAINT", "category", "COMMUNICATION_DEVICE"));
        return caseProcess;
    }

    private String unitTask(String caseProcess) {
        return taskService.createTaskQuery().processInstanceId(caseProcess).taskDefinitionKey("Task_ContactConsumer")
                .singleResult().getId();
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    /** What Camunda Modeler's Deploy button sends, with a one-step process. */
    private ResponseEntity<String> deploy(String user) {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("authz-probe").camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "authz-probe");
        parts.add("authz-probe.bpmn", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "authz-probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }
}
