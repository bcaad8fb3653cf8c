package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static java.util.Map.entry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.Closure;
import org.casedesk.intake.OpenCaseFileDelegate;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * The real application (on H2, or MySQL in the -Pmysql run): the BPMN's delegates and forms are wired, and a complaint submitted through the
 * start form's variables goes all the way to closure through the engine API, as Tasklist would drive it.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1"})
class CaseDeskApplicationTests {

    static final int SMTP_PORT = FreePort.next();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void databaseAndSmtpPort(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "casedesk-app-test");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired ApplicationContext context;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired CaseFileService caseFiles;
    @Autowired JdbcClient jdbc;
    @Autowired Flyway flyway;
    @Autowired DataSource dataSource;
    @Autowired HealthEndpoint health;
    @MockitoSpyBean OpenCaseFileDelegate openCaseFileDelegate;

    @Test
    void everyDelegateExpressionOfTheLifecycleNamesAJavaDelegateBean() {
        List<String> beanNames = lifecycleModel().getModelElementsByType(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression)
                .map(expression -> expression.substring(2, expression.length() - 1))
                .toList();

        assertThat(beanNames).hasSizeGreaterThan(10).allSatisfy(name ->
                assertThat(context.getBean(name)).isInstanceOf(JavaDelegate.class));
    }

    @Test
    void everyListenerDelegateExpressionNamesAnExecutionListenerBean() {
        List<String> beanNames = lifecycleModel().getModelElementsByType(CamundaExecutionListener.class).stream()
                .map(CamundaExecutionListener::getCamundaDelegateExpression)
                .filter(expression -> expression != null)
                .map(expression -> expression.substring(2, expression.length() - 1))
                .toList();

        assertThat(beanNames).isNotEmpty().allSatisfy(name ->
                assertThat(context.getBean(name)).isInstanceOf(ExecutionListener.class));
    }

    @Test
    void everyUserTaskAndTheStartEventHaveADeployedForm() {
        ProcessDefinition lifecycle = lifecycle();
        List<String> formRefs = lifecycleModel().getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaFormRef).collect(Collectors.toList());

        assertThat(formRefs).hasSize(11).doesNotContainNull();
        formRefs.add(repositoryService.getBpmnModelInstance(latest("overdue-escalation").getId())
                .getModelElementsByType(UserTask.class).iterator().next().getCamundaFormRef());
        List<String> deployedResources = repositoryService.getDeploymentResourceNames(lifecycle.getDeploymentId());
        assertThat(deployedResources).allSatisfy(name -> assertThat(name).doesNotContain("\\"));
        formRefs.forEach(ref -> assertThat(deployedResources).anyMatch(name -> name.endsWith("forms/" + ref + ".form")));
        assertThat(formService.getDeployedStartForm(lifecycle.getId())).isNotNull();
    }

    @Test
    void phoneComplaintGoesFromTheStartFormToClosure() {
        var caseProcess = formService.submitStartForm(lifecycle().getId(), Map.ofEntries(
                entry("channel", "PHONE"),
                entry("complainantName", "李明"),
                entry("complainantPhone", "021-62345678"),
                entry("complainantAddress", "上海市徐汇区漕溪北路1号"),
                entry("respondentName", "徐家汇某数码店"),
                entry("respondentAddress", "上海市徐汇区肇嘉浜路1000号"),
                entry("respondentDistrict", "310104"),
                entry("description", "新买的手机屏幕有坏点，商家拒绝更换。"),
                entry("claim", "更换新机"),
                entry("complainantEmail", "li.ming@example.com"),
                entry("amount", 5999)));
        String caseNumber = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(caseProcess.getId()).singleResult().getBusinessKey();
        assertThat(caseFiles.find(caseNumber)).get().extracting(CaseFile::status).isEqualTo(CaseStatus.RECEIVED);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseProcess.getId())
                .variableName("complainantPhoneMasked").singleResult().getValue()).isEqualTo("***-****5678");

        completeOnlyTask(caseProcess.getId(), "Task_RegisterCase", "operators",
                Map.of("caseType", "COMPLAINT", "category", "COMMUNICATION_DEVICE"));
        completeOnlyTask(caseProcess.getId(), "Task_ContactConsumer", "unit-310104",
                Map.of("contactResult", "REACHED", "contactNote", "已联系"));
        completeOnlyTask(caseProcess.getId(), "Task_DecideAcceptance", "unit-310104",
                Map.of("acceptanceDecision", "ACCEPT"));
        completeOnlyTask(caseProcess.getId(), "Task_MediateComplaint", "unit-310104",
                Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "商家同意换新", "recoveredAmount", 5999));
        completeOnlyTask(caseProcess.getId(), "Task_RevisitConsumer", "operators",
                Map.of("revisitResult", "VERY_SATISFIED"));

        List<Job> mailSteps;
        while (!(mailSteps = managementService.createJobQuery().processInstanceId(caseProcess.getId()).list())
                .isEmpty()) {
            mailSteps.forEach(mailStep -> managementService.executeJob(mailStep.getId()));
        }

        CaseFile closed = caseFiles.find(caseNumber).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "【受理回执】您的诉求已登记，案件编号 " + caseNumber, "【办结告知】您的案件 " + caseNumber + " 已办结");
        assertThat(closed.closure()).isEqualTo(Closure.RESOLVED);
        assertThat(closed.handlingUnit()).isEqualTo("310104");
        assertThat(closed.complainantName()).isEqualTo("李明");
        assertThat(closed.respondent().name()).isEqualTo("徐家汇某数码店");
        assertThat(closed.registeredAt()).isNotNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseProcess.getId())
                .completed().count()).isEqualTo(1);
    }

    @Test
    void longChineseTextWithFourByteCharactersIsStoredAndReadBackUnchanged() {
        // rare CJK beyond the Basic Multilingual Plane (𠮷 𪚥 𰻞) and emoji need 4 bytes in UTF-8: utf8mb4 on MySQL
        String name = "𠮷野𪚥";
        String respondent = "𰻞𰻞面馆（静安店）😋";
        String description = ("我于2026年11月20日在该店购买预付卡，充值3000元😡。商家现已关门跑路，𰻞𰻞面无法兑现，"
                + "多次电话联系未果🙏，请求依法处理并退还余额。").repeat(20);
        var caseProcess = formService.submitStartForm(lifecycle().getId(), Map.of("channel", "PHONE",
                "complainantName", name, "complainantPhone", "13812345678", "respondentName", respondent,
                "respondentDistrict", "310106", "description", description));

        String caseNumber = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(caseProcess.getId()).singleResult().getBusinessKey();
        CaseFile stored = caseFiles.find(caseNumber).orElseThrow();
        assertThat(description.codePointCount(0, description.length())).isGreaterThan(1000);
        assertThat(stored.complainantName()).isEqualTo(name);
        assertThat(stored.respondent().name()).isEqualTo(respondent);
        assertThat(stored.description()).isEqualTo(description);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseProcess.getId())
                .variableName("description").singleResult().getValue()).isEqualTo(description);
        assertThat(historyService.createHistoricProcessInstanceQuery().variableValueEquals("complainantName", name)
                .singleResult().getId()).isEqualTo(caseProcess.getId());
    }

    @Test
    @EnabledIf("org.casedesk.TestDatabase#isMysql")
    void onMysqlEveryTableIsUtf8mb4() {
        List<String> tables = jdbc.sql("""
                select concat(table_name, ' ', table_collation) from information_schema.tables
                where table_schema = database() and table_type = 'BASE TABLE'""").query(String.class).list();

        assertThat(tables).hasSizeGreaterThan(50).allSatisfy(table -> assertThat(table).endsWith(" utf8mb4_bin"));
    }

    @Test
    @EnabledIf("org.casedesk.TestDatabase#isMysql")
    void onMysqlConnectionsSpeakUtf8mb4InReadCommitted() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet characterSet = connection.createStatement().executeQuery("select @@character_set_connection")) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(characterSet.next()).isTrue();
            assertThat(characterSet.getString(1)).isEqualTo("utf8mb4");
        }
    }

    /** Flyway finds the Java migration in {@code db.migration} beside the SQL ones, also in the app. */
    @Test
    void theRepeatCallKeysJavaMigrationRanWithTheSqlOnes() {
        assertThat(flyway.info().applied()).filteredOn(migration -> migration.getVersion().getVersion().equals("9"))
                .singleElement().satisfies(migration -> {
                    assertThat(migration.getScript()).isEqualTo("db.migration.V9__repeat_call_keys");
                    assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS);
                });
    }

    @Test
    void healthEndpointNamesTheYearsTheWorkingDayCalendarKnows() {
        Health calendar = (Health) health.healthForPath("workingDayCalendar");

        assertThat(calendar.getStatus()).isEqualTo(Status.UP);
        assertThat(calendar.getDetails()).containsEntry("yearsWithData", Set.of(2024, 2025, 2026));
    }

    @Test
    void caseRowAndProcessInstanceRollBackTogetherWhenIntakeFails() {
        doAnswer(invocation -> {
            invocation.callRealMethod();
            throw new IllegalStateException("intake failed after the case row was written");
        }).when(openCaseFileDelegate).execute(any());
        int casesBefore = caseCount();

        assertThatThrownBy(() -> formService.submitStartForm(lifecycle().getId(), Map.of("channel", "PHONE",
                "complainantName", "王五", "respondentName", "某超市", "description", "过期食品")))
                .hasMessageContaining("intake failed");

        assertThat(caseCount()).isEqualTo(casesBefore);
        assertThat(historyService.createHistoricProcessInstanceQuery().variableValueEquals("complainantName", "王五")
                .count()).isZero();
    }

    private int caseCount() {
        return jdbc.sql("select count(*) from case_file").query(Integer.class).single();
    }

    /** Completes the one open task of the case, after checking it is the expected step with its form. */
    private void completeOnlyTask(String processInstanceId, String taskKey, String candidateGroup,
            Map<String, Object> formValues) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(candidateGroup).count())
                .isEqualTo(1);
        assertThat(formService.getDeployedTaskForm(task.getId())).isNotNull();
        formService.submitTaskForm(task.getId(), formValues);
    }

    private ProcessDefinition lifecycle() {
        return latest("case-lifecycle");
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
    }

    private BpmnModelInstance lifecycleModel() {
        return repositoryService.getBpmnModelInstance(lifecycle().getId());
    }
}
