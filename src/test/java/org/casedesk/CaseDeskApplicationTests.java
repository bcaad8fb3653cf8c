package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The real application on H2: the BPMN's delegates and forms are wired, and a complaint submitted through the
 * start form's variables goes all the way to closure through the engine API, as Tasklist would drive it.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:casedesk-app-test;DB_CLOSE_DELAY=-1")
class CaseDeskApplicationTests {

    @Autowired ApplicationContext context;
    @Autowired RepositoryService repositoryService;
    @Autowired FormService formService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired CaseFileService caseFiles;
    @Autowired JdbcClient jdbc;
    @MockitoSpyBean OpenCaseFileDelegate openCaseFileDelegate;

    @Test
    void everyDelegateExpressionOfTheLifecycleNamesAJavaDelegateBean() {
        List<String> beanNames = lifecycleModel().getModelElementsByType(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression)
                .map(expression -> expression.substring(2, expression.length() - 1))
                .toList();

        assertThat(beanNames).hasSize(10).allSatisfy(name ->
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
                .map(UserTask::getCamundaFormRef).toList();

        assertThat(formRefs).hasSize(9).doesNotContainNull();
        List<String> deployedResources = repositoryService.getDeploymentResourceNames(lifecycle.getDeploymentId());
        assertThat(deployedResources).allSatisfy(name -> assertThat(name).doesNotContain("\\"));
        formRefs.forEach(ref -> assertThat(deployedResources).anyMatch(name -> name.endsWith("forms/" + ref + ".form")));
        assertThat(formService.getDeployedStartForm(lifecycle.getId())).isNotNull();
    }

    @Test
    void phoneComplaintGoesFromTheStartFormToClosure() {
        var caseProcess = formService.submitStartForm(lifecycle().getId(), Map.of(
                "channel", "PHONE",
                "complainantName", "李明",
                "complainantPhone", "021-62345678",
                "complainantAddress", "上海市徐汇区漕溪北路1号",
                "respondentName", "徐家汇某数码店",
                "respondentAddress", "上海市徐汇区肇嘉浜路1000号",
                "respondentDistrict", "310104",
                "description", "新买的手机屏幕有坏点，商家拒绝更换。",
                "claim", "更换新机",
                "amount", 5999));
        String caseNumber = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(caseProcess.getId()).singleResult().getBusinessKey();
        assertThat(caseFiles.find(caseNumber)).get().extracting(CaseFile::status).isEqualTo(CaseStatus.RECEIVED);

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

        CaseFile closed = caseFiles.find(caseNumber).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closure()).isEqualTo(Closure.RESOLVED);
        assertThat(closed.handlingUnit()).isEqualTo("310104");
        assertThat(closed.complainantName()).isEqualTo("李明");
        assertThat(closed.respondent().name()).isEqualTo("徐家汇某数码店");
        assertThat(closed.registeredAt()).isNotNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseProcess.getId())
                .completed().count()).isEqualTo(1);
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
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult();
    }

    private BpmnModelInstance lifecycleModel() {
        return repositoryService.getBpmnModelInstance(lifecycle().getId());
    }
}
