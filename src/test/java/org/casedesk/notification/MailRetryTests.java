package org.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.casedesk.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.casedesk.TestDatabase;

/**
 * A mail outage delays mail and loses nothing: on the real application, the outcome mail's asynchronous step
 * fails while the SMTP server is down, keeps its job with one retry fewer and no {@code mail_log} row, and
 * delivers the mail exactly once when a retry finds the server up again. Jobs are executed by the test, the
 * job executor is off, and time is moved with {@link ClockUtil}.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1"})
class MailRetryTests {

    /** Fixed for the whole class, so the application still reaches the server after it is restarted. */
    static final int SMTP_PORT = FreePort.next();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    static final String CONSUMER = "li.ming@example.com";
    static final Duration RETRY_WAIT = Duration.ofMinutes(5);

    @DynamicPropertySource
    static void databaseAndSmtpPort(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "mail-retry");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;

    String deploymentId;
    Instant now = Instant.parse("2026-12-01T02:00:00Z");

    @BeforeEach
    void deployOutcomeMailStep() {
        ClockUtil.setCurrentTime(Date.from(now));
        deploymentId = repositoryService.createDeployment()
                .addModelInstance("mail-retry.bpmn", Bpmn.createExecutableProcess("mail-retry")
                        .camundaHistoryTimeToLive(1)
                        .startEvent("StartEvent_CaseClosed")
                        .serviceTask("Task_SendOutcome")
                        .camundaAsyncBefore()
                        .camundaFailedJobRetryTimeCycle("R3/PT5M")
                        .camundaDelegateExpression("${sendOutcomeDelegate}")
                        .endEvent("EndEvent_ConsumerTold")
                        .done())
                .deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
        ClockUtil.reset();
    }

    @Test
    void outcomeMailHeldUpByAnSmtpOutageIsDeliveredOnceByTheNextRetry() throws Exception {
        smtp.stop();
        String caseProcess = startClosedCase("SH20261201000001");
        Job job = onlyJob(caseProcess);
        assertThat(job.getRetries()).isEqualTo(3);

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(MailSendException.class);

        Job retry = onlyJob(caseProcess);
        assertThat(retry.getRetries()).isEqualTo(2);
        assertThat(retry.getDuedate()).isEqualTo(Date.from(now.plus(RETRY_WAIT)));
        assertThat(managementService.createJobQuery().processInstanceId(caseProcess).executable().count()).isZero();
        assertThat(loggedMails("SH20261201000001")).isZero();

        smtp.start();
        moveClock(RETRY_WAIT.plusMinutes(1));
        assertThat(managementService.createJobQuery().processInstanceId(caseProcess).executable().count()).isOne();
        managementService.executeJob(retry.getId());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0]).hasToString(CONSUMER);
        assertThat(received[0].getSubject()).isEqualTo("【办结告知】您的案件 SH20261201000001 已办结");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseProcess).count()).isZero();
        assertThat(loggedMails("SH20261201000001")).isOne();

        moveClock(Duration.ofDays(1));
        assertThat(managementService.createJobQuery().processInstanceId(caseProcess).count()).isZero();
        assertThat(smtp.waitForIncomingEmail(500, 2)).isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void outcomeMailThatFailsEveryRetryBecomesAnIncidentAndIsNotLost() {
        smtp.stop();
        String caseProcess = startClosedCase("SH20261201000002");

        for (int attempt = 1; attempt <= 3; attempt++) {
            String jobId = onlyJob(caseProcess).getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).isInstanceOf(MailSendException.class);
            moveClock(RETRY_WAIT.plusMinutes(1));
        }

        Job job = onlyJob(caseProcess);
        assertThat(job.getRetries()).isZero();
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(caseProcess).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_SendOutcome");
        assertThat(incident.getConfiguration()).isEqualTo(job.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseProcess).count()).isOne();
        assertThat(loggedMails("SH20261201000002")).isZero();
    }

    private String startClosedCase(String caseNumber) {
        return runtimeService.startProcessInstanceByKey("mail-retry", caseNumber, Map.of(
                "caseNumber", caseNumber,
                "complainantName", "李明",
                "complainantEmail", CONSUMER,
                "closure", "RESOLVED",
                "outcomeNote", "商家同意换新")).getId();
    }

    private Job onlyJob(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    }

    private void moveClock(Duration by) {
        now = now.plus(by);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    private int loggedMails(String caseNumber) {
        return jdbc.sql("select count(*) from mail_log where case_number = ?").param(caseNumber)
                .query(Integer.class).single();
    }
}
