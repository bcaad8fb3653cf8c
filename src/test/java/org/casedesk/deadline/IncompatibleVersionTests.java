package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
 * A new version that lacks a step some running case is at cannot take the cases: the migration endpoint
 * answers 409 with Camunda's reason and moves nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false"})
class IncompatibleVersionTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "incompatible-version");
    }

    @Autowired TestRestTemplate http;
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @Test
    void versionWithoutTheStepACaseIsAtIsRefusedAndNothingMoves() throws IOException {
        String firstVersion = latestLifecycle();
        String caseProcess = formService.submitStartForm(firstVersion, Map.of("channel", "PHONE",
                "complainantName", "李明", "complainantPhone", "13812345678", "respondentName", "某商行",
                "description", "退款未到账")).getId();
        String renamed = Files.readString(Path.of("processes/case-lifecycle.bpmn"))
                .replace("\"Task_RegisterCase\"", "\"Task_RegisterCaseRenamed\"");
        var deployment = repositoryService.createDeployment().name("renamed step")
                .addString("case-lifecycle.bpmn", renamed);
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        deployment.deploy();

        ResponseEntity<String> answer = http.withBasicAuth("supervisor", "demo")
                .postForEntity("/api/v1/deadline-migrations", null, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody()).contains("Task_RegisterCase");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseProcess).singleResult()
                .getProcessDefinitionId()).isEqualTo(firstVersion);
    }

    private String latestLifecycle() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult().getId();
    }
}
