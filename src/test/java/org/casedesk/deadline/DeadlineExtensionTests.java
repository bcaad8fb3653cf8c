package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A handler records testing time (Measures Art. 20) from Tasklist's start form, on the real application: the
 * case's mediation reminder, deadline and task due date move by that many working days.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false"})
class DeadlineExtensionTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "deadline-extension");
    }

    @Autowired FormService formService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired DeadlineFacts facts;

    @BeforeEach
    void thursdayBeforeNationalDay() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-24T02:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void testingTimeMovesTheMediationDeadlineByThatManyWorkingDays() {
        String processInstanceId = caseInMediation();
        String caseNumber = caseNumber(processInstanceId);
        assertThat(timerDue(processInstanceId, "Timer_MediationDue")).isEqualTo(at("2026-12-03T15:59:59Z"));

        formService.submitStartForm(latest("record-testing-time"), Map.of("caseNumber", caseNumber,
                "testingKind", "APPRAISAL", "testingWorkingDays", 10, "testingNote", "送质检院鉴定"));

        assertThat(timerDue(processInstanceId, "Timer_MediationDue")).isEqualTo(at("2026-12-17T15:59:59Z"));
        assertThat(timerDue(processInstanceId, "Timer_MediationReminder")).isEqualTo(at("2026-12-10T01:00:00Z"));
        assertThat(mediationTask(processInstanceId).getDueDate()).isEqualTo(at("2026-12-17T15:59:59Z"));
        assertThat(facts.of(caseNumber)).filteredOn(fact -> fact.deadline().equals("MEDIATION")).singleElement()
                .satisfies(fact -> assertThat(fact.dueAt()).isEqualTo(Instant.parse("2026-12-17T15:59:59Z")));
    }

    @Test
    void testingTimeNeverMovesA12345WorkOrderPastTheOrdersOwnDeadline() {
        // a work order due Thursday 2026-12-10 18:00 in Shanghai: mediation's own deadline, 12-03, is stricter
        Map<String, Object> workOrder = new HashMap<>(startForm());
        workOrder.putAll(Map.of("channel", "HOTLINE_12345", "externalReference", "GD-20260924-0001",
                "workOrderDueAt", "2026-12-10T18:00+08:00"));
        String processInstanceId = caseInMediation(workOrder);
        assertThat(timerDue(processInstanceId, "Timer_MediationDue")).isEqualTo(at("2026-12-03T15:59:59Z"));

        formService.submitStartForm(latest("record-testing-time"), Map.of("caseNumber", caseNumber(processInstanceId),
                "testingKind", "APPRAISAL", "testingWorkingDays", 10, "testingNote", "送质检院鉴定"));

        assertThat(timerDue(processInstanceId, "Timer_MediationDue")).isEqualTo(at("2026-12-10T10:00:00Z"));
        assertThat(timerDue(processInstanceId, "Timer_MediationReminder")).isEqualTo(at("2026-12-10T01:00:00Z"));
        assertThat(mediationTask(processInstanceId).getDueDate()).isEqualTo(at("2026-12-10T10:00:00Z"));
    }

    @Test
    void caseThatIsNotInMediationCannotBeExtendedAndNothingChanges() {
        String processInstanceId = formService.submitStartForm(latest("case-lifecycle"), startForm()).getId();
        long recordingsBefore = recordings();

        assertThatThrownBy(() -> formService.submitStartForm(latest("record-testing-time"), Map.of(
                "caseNumber", caseNumber(processInstanceId), "testingKind", "TESTING", "testingWorkingDays", 5)))
                .hasMessageContaining("不在该环节期限内");
        assertThat(recordings()).isEqualTo(recordingsBefore);
    }

    private long recordings() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("record-testing-time").count();
    }

    @Test
    void unknownCaseIsNamedInTheError() {
        assertThatThrownBy(() -> formService.submitStartForm(latest("record-testing-time"), Map.of(
                "caseNumber", "SH20260101999999", "testingKind", "TESTING", "testingWorkingDays", 5)))
                .hasMessageContaining("SH20260101999999");
    }

    @Test
    void approvedExtensionGivesAReportFifteenMoreWorkingDaysOnce() {
        String processInstanceId = formService.submitStartForm(latest("case-lifecycle"), startForm()).getId();
        complete(processInstanceId, Map.of("caseType", "REPORT", "category", "FOOD"));
        complete(processInstanceId, Map.of("contactResult", "REACHED"));
        complete(processInstanceId, Map.of("acceptanceDecision", "ACCEPT"));
        String caseNumber = caseNumber(processInstanceId);
        // 15 working days from Thursday 2026-09-24, National Day not counted
        assertThat(timerDue(processInstanceId, "Timer_VerificationDue")).isEqualTo(at("2026-10-22T15:59:59Z"));

        requestAndApproveExtension(caseNumber);

        assertThat(timerDue(processInstanceId, "Timer_VerificationDue")).isEqualTo(at("2026-11-12T15:59:59Z"));
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getDueDate())
                .isEqualTo(at("2026-11-12T15:59:59Z"));
        assertThatThrownBy(() -> requestAndApproveExtension(caseNumber)).hasMessageContaining("已延长过一次");
        assertThat(timerDue(processInstanceId, "Timer_VerificationDue")).isEqualTo(at("2026-11-12T15:59:59Z"));
    }

    @Test
    void reportSentBackUnderSupervisionMayBeExtendedAgainInItsNewRound() {
        String processInstanceId = formService.submitStartForm(latest("case-lifecycle"), startForm()).getId();
        complete(processInstanceId, Map.of("caseType", "REPORT", "category", "FOOD"));
        complete(processInstanceId, Map.of("contactResult", "REACHED"));
        complete(processInstanceId, Map.of("acceptanceDecision", "ACCEPT"));
        String caseNumber = caseNumber(processInstanceId);
        requestAndApproveExtension(caseNumber);
        complete(processInstanceId, Map.of("handlingOutcome", "CASE_NOT_OPENED", "outcomeNote", "未发现违法行为"));
        complete(processInstanceId, Map.of("reporterInformMethod", "PHONE", "reporterInformNote", "已告知"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T02:00:00Z")));
        complete(processInstanceId, Map.of("revisitResult", "DISSATISFIED"));
        complete(processInstanceId, Map.of("supervisionNote", "请重新核查"));
        // the new round: 15 working days from Tuesday 2026-12-01, without the first round's extension
        assertThat(timerDue(processInstanceId, "Timer_VerificationDue")).isEqualTo(at("2026-12-22T15:59:59Z"));

        requestAndApproveExtension(caseNumber);

        assertThat(timerDue(processInstanceId, "Timer_VerificationDue")).isEqualTo(at("2027-01-12T15:59:59Z"));
    }

    private void requestAndApproveExtension(String caseNumber) {
        String request = formService.submitStartForm(latest("extend-verification"), Map.of("caseNumber", caseNumber,
                "extensionReason", "需调取平台交易记录")).getId();
        complete(request, Map.of("extensionDecision", "APPROVED"));
    }

    private String caseInMediation() {
        return caseInMediation(startForm());
    }

    private String caseInMediation(Map<String, Object> startForm) {
        String processInstanceId = formService.submitStartForm(latest("case-lifecycle"), startForm).getId();
        complete(processInstanceId, Map.of("caseType", "COMPLAINT", "category", "FOOD"));
        complete(processInstanceId, Map.of("contactResult", "REACHED"));
        complete(processInstanceId, Map.of("acceptanceDecision", "ACCEPT"));
        assertThat(mediationTask(processInstanceId)).isNotNull();
        return processInstanceId;
    }

    private static Map<String, Object> startForm() {
        return Map.of("channel", "PHONE", "complainantName", "李明", "complainantPhone", "13812345678",
                "respondentName", "某食品店", "respondentDistrict", "310101", "description", "月饼霉变");
    }

    private void complete(String processInstanceId, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        formService.submitTaskForm(task.getId(), values);
    }

    private Task mediationTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("Task_MediateComplaint").singleResult();
    }

    private Date timerDue(String processInstanceId, String timerId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerId)
                .singleResult().getDuedate();
    }

    private String caseNumber(String processInstanceId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
    }

    private String latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
