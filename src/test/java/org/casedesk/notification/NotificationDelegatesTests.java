package org.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.casedesk.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.casedesk.TestDatabase;

/**
 * The delegates in the real application: the bean names the BPMN binds, the demo staff's addresses
 * ({@code huangpu} in {@code unit-310101}, {@code supervisor} in {@code supervisors}), and the due date taken
 * from the case's open user tasks. Each test deploys a small process whose asynchronous step the test runs.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1"})
class NotificationDelegatesTests {

    static final int SMTP_PORT = FreePort.next();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    /** 2026-12-07 23:59:59 and 2026-12-09 23:59:59 in Shanghai. */
    static final Instant ACCEPTANCE_DUE = Instant.parse("2026-12-07T15:59:59Z");

    @DynamicPropertySource
    static void databaseAndSmtpPort(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "notification-delegates");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired ApplicationContext context;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    String deploymentId;

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void theFourDelegatesAreTheBeansTheBpmnBinds() {
        assertThat(List.of("sendReminderDelegate", "sendOverdueNoticeDelegate", "sendAcknowledgementDelegate",
                "sendOutcomeDelegate"))
                .allSatisfy(name -> assertThat(context.getBean(name)).isInstanceOf(JavaDelegate.class));
    }

    @Test
    void reminderStepMailsTheUnitsStaffWhenTheStepIsDue() throws Exception {
        String caseProcess = startCaseAtDeadlineStep("${sendReminderDelegate}", "unit-310101");

        managementService.executeJob(onlyJobId(caseProcess));

        MimeMessage mail = onlyMail();
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
                .containsExactly("huangpu@casedesk.example");
        assertThat(mail.getSubject()).isEqualTo("【超期提示】案件 SH20261128000042 的受理审查期限将于 2026-12-07 23:59 届满");
        assertThat(mail.getContent().toString()).contains("投诉举报人：李*", "承办单位：黄浦区市场监督管理局");
    }

    @Test
    void overdueStepMailsTheUnitsStaffAndTheSupervisors() throws Exception {
        String caseProcess = startCaseAtDeadlineStep("${sendOverdueNoticeDelegate}", "unit-310101");

        managementService.executeJob(onlyJobId(caseProcess));

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
                .containsExactly("huangpu@casedesk.example", "supervisor@casedesk.example");
        assertThat(mail.getSubject()).isEqualTo("【超期通报】案件 SH20261128000042 的受理审查期限已于 2026-12-07 23:59 届满");
    }

    @Test
    void reminderToAGroupWithoutStaffSendsNothingAndTheStepCompletes() {
        String caseProcess = startCaseAtDeadlineStep("${sendReminderDelegate}", "unit-nobody");

        managementService.executeJob(onlyJobId(caseProcess));

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(managementService.createJobQuery().processInstanceId(caseProcess).count()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(caseProcess).count()).isZero();
    }

    @Test
    void acknowledgementStepWithoutTheConsumersEmailSendsNothingAndCompletes() {
        deploy(Bpmn.createExecutableProcess("acknowledgement").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_CaseReceived")
                .serviceTask("Task_SendAcknowledgement").camundaAsyncBefore()
                .camundaDelegateExpression("${sendAcknowledgementDelegate}")
                .endEvent("EndEvent_Acknowledged")
                .done());
        String caseProcess = runtimeService.startProcessInstanceByKey("acknowledgement", Map.of(
                "caseNumber", "SH20261128000044", "complainantName", "王五", "receivedAt", "2026-11-28 09:30:00"))
                .getId();

        managementService.executeJob(onlyJobId(caseProcess));

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseProcess).count()).isZero();
    }

    /**
     * The mail step of a deadline, as the case's deadline step starts it (deadline-reminder.bpmn,
     * overdue-escalation.bpmn): the case's variables plus {@code deadline = ACCEPTANCE}, the group and the due time.
     */
    private String startCaseAtDeadlineStep(String delegateExpression, String recipientGroup) {
        deploy(Bpmn.createExecutableProcess("deadline-notice").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_DeadlineStep")
                .serviceTask("Task_DeadlineNotice").camundaAsyncBefore()
                .camundaDelegateExpression(delegateExpression)
                .endEvent("EndEvent_Noticed")
                .done());
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", "SH20261128000042");
        variables.put("complainantName", "李明");
        variables.put("respondentName", "徐家汇某数码店");
        variables.put("handlingUnit", "310101");
        variables.put("handlingUnitName", "黄浦区市场监督管理局");
        variables.put("deadline", "ACCEPTANCE");
        variables.put("recipientGroup", recipientGroup);
        variables.put("dueAt", ACCEPTANCE_DUE.toString());
        return runtimeService.startProcessInstanceByKey("deadline-notice", variables).getId();
    }

    private void deploy(BpmnModelInstance model) {
        deploymentId = repositoryService.createDeployment().addModelInstance("notification-test.bpmn", model)
                .deploy().getId();
    }

    private String onlyJobId(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    private MimeMessage onlyMail() {
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        return smtp.getReceivedMessages()[0];
    }
}
