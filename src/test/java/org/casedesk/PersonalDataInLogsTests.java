package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * No personal data in the logs: a complaint goes through the intake API, its acknowledgement mail fails while the
 * SMTP server is down and is sent by the retry, the operator registers it, and a malformed submission is refused —
 * with our own code logging at debug — and the output names the case but none of the consumer's phone, address,
 * e-mail, name or the ID number in the facts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1",
        "logging.level.org.casedesk=debug",
        // the test's SMTP server, not the app, logs each new mailbox's address
        "logging.level.com.icegreen.greenmail=warn"})
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTests {

    static final int SMTP_PORT = FreePort.next();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    static final String PHONE = "13812345678";
    static final String ADDRESS = "上海市徐汇区漕溪北路1号";
    static final String EMAIL = "li.ming@example.com";
    static final String NAME = "李明";
    static final String ID_NUMBER = "310104199001011234";

    @DynamicPropertySource
    static void databaseAndSmtpPort(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "personal-data-in-logs");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;

    @Test
    void aCaseFromIntakeThroughAFailedMailToRegistrationLeavesNoPersonalDataInTheLog(CapturedOutput output)
            throws Exception {
        // Given a complaint submitted while the mail server is down
        smtp.stop();
        ResponseEntity<String> created = submit("""
                {"channel": "INTERNET", "externalReference": "WEB-LOG-1", "type": "COMPLAINT",
                 "category": "COMMUNICATION_DEVICE",
                 "complainant": {"name": "%s", "phone": "%s", "address": "%s", "email": "%s"},
                 "respondent": {"name": "徐家汇某数码店", "address": "上海市徐汇区肇嘉浜路1000号", "district": "310104"},
                 "description": "新买的手机屏幕有坏点，商家拒绝更换。本人身份证号 %s。", "claim": "更换新机"}"""
                .formatted(NAME, PHONE, ADDRESS, EMAIL, ID_NUMBER));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = new ObjectMapper().readTree(created.getBody()).path("caseNumber").asText();
        String caseProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();

        // When the acknowledgement fails, is retried once the server is back, and the case is registered
        Job acknowledgement = managementService.createJobQuery().processInstanceId(caseProcess)
                .activityId("Task_SendAcknowledgement").singleResult();
        assertThatThrownBy(() -> managementService.executeJob(acknowledgement.getId()))
                .isInstanceOf(MailSendException.class);
        smtp.start();
        managementService.executeJob(acknowledgement.getId());
        taskService.complete(taskService.createTaskQuery().processInstanceId(caseProcess)
                .taskDefinitionKey("Task_RegisterCase").singleResult().getId(),
                Map.of("caseType", "COMPLAINT", "category", "COMMUNICATION_DEVICE"));
        ResponseEntity<String> refused = submit("""
                {"channel": "INTERNET", "externalReference": "WEB-LOG-2",
                 "complainant": {"name": "%s", "phone": %s, "address": "%s"}}""".formatted(NAME, PHONE, ADDRESS));

        // Then the log tells what happened to the case, and nothing about the consumer
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(output).contains("ACKNOWLEDGEMENT:" + caseNumber, "ENGINE-16004");
        assertThat(output).doesNotContain(PHONE, "5678", "漕溪北路", EMAIL, "li.ming", NAME, ID_NUMBER);
    }

    private ResponseEntity<String> submit(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("internetplatform", "demo").postForEntity("/api/v1/cases",
                new HttpEntity<>(json, headers), String.class);
    }
}
