package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.casefile.CentreTime;

/**
 * Runs the report tests' cases through {@code processes/case-lifecycle.bpmn}, each step at a Shanghai time
 * ({@code "2026-11-02 09:00"}) set on the engine clock, so that the reports find them where the test says. The
 * caller resets the clock ({@link ClockUtil#reset()}) when done.
 */
final class CaseLifecycle {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private int complainants;

    CaseLifecycle(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** A case received on a channel about a respondent in a district; its process instance id. */
    String start(String shanghaiTime, String channel, String district, String phone) {
        clock(shanghaiTime);
        int n = ++complainants;
        Map<String, Object> facts = new HashMap<>();
        facts.put("channel", channel);
        // two cases may share a phone (a repeat call), each with its own name and respondent
        facts.put("complainantName", "消费者" + n);
        facts.put("complainantPhone", phone);
        facts.put("complainantAddress", "上海市黄浦区人民大道200号");
        facts.put("respondentName", "商户" + n);
        facts.put("respondentAddress", "上海市南京东路100号");
        facts.put("respondentDistrict", district);
        facts.put("description", "商品有质量问题，商家拒绝退换。");
        facts.put("claim", "退货退款");
        return runtimeService.startProcessInstanceByKey("case-lifecycle", facts).getId();
    }

    void register(String shanghaiTime, String caseProcess, String operator, String caseType, String category) {
        register(shanghaiTime, caseProcess, operator, caseType, category, Map.of());
    }

    /** The operator claims 登记案件 and completes it. */
    void register(String shanghaiTime, String caseProcess, String operator, String caseType, String category,
            Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("caseType", caseType);
        variables.put("category", category);
        claimAndComplete(shanghaiTime, caseProcess, "Task_RegisterCase", operator, variables);
    }

    /** The operator claims 回访消费者 and records the consumer's answer (or UNREACHABLE). */
    void revisit(String shanghaiTime, String caseProcess, String operator, String revisitResult) {
        claimAndComplete(shanghaiTime, caseProcess, "Task_RevisitConsumer", operator,
                Map.of("revisitResult", revisitResult));
    }

    /** The unit contacts the consumer, accepts the complaint and mediates an agreement. */
    void handle(String caseProcess, String contactAt, String acceptAt, String agreementAt) {
        complete(contactAt, caseProcess, Map.of("contactResult", "REACHED"));
        complete(acceptAt, caseProcess, Map.of("acceptanceDecision", "ACCEPT"));
        complete(agreementAt, caseProcess, Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "退款"));
    }

    /** Completes the case's one open task, unclaimed. */
    void complete(String shanghaiTime, String caseProcess, Map<String, Object> variables) {
        clock(shanghaiTime);
        taskService.complete(task(caseProcess).getId(), variables);
    }

    /** As in Tasklist: the user claims the task, so the engine's history names them as its assignee. */
    private void claimAndComplete(String shanghaiTime, String caseProcess, String taskKey, String user,
            Map<String, Object> variables) {
        clock(shanghaiTime);
        Task task = task(caseProcess);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }

    private Task task(String caseProcess) {
        return taskService.createTaskQuery().processInstanceId(caseProcess).singleResult();
    }

    static void clock(String shanghaiTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiTime.replace(' ', 'T'))
                .atZone(CentreTime.ZONE).toInstant()));
    }
}
