package org.casedesk.identity;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.CHANNEL;
import static org.casedesk.casefile.CaseVariables.COMPLAINANT_NAME;
import static org.casedesk.casefile.CaseVariables.HANDLING_UNIT_NAME;
import static org.casedesk.casefile.CaseVariables.RESPONDENT_NAME;
import static org.casedesk.identity.StaffGroups.DISPATCHERS;
import static org.casedesk.identity.StaffGroups.OPERATORS;
import static org.casedesk.identity.StaffGroups.SUPERVISORS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters staff work from: their own tasks, their unit's queue (each unit handler
 * sees the tasks of {@code unit-<code>}), and one queue per step of {@code processes/case-lifecycle.bpmn}
 * that a role group works. Each filter shows the {@link #CASE_FACTS} as columns of the task list and
 * refreshes itself.
 * <p>
 * In every profile, because production staff need the same filters. Runs once the application is ready
 * and creates a filter only if none of that name exists, so a restart changes nothing and a filter
 * edited in Tasklist keeps its edits.
 * <p>
 * With Camunda authorization on, a filter created here has no owner: {@link RoleAuthorizations} grants every
 * staff group READ on all filters, and what a filter lists is still only the tasks the user may see.
 */
@Component
class TasklistFilters {

    /**
     * The case facts shown with every task, in Tasklist's filter property format: variable name and label. No phone:
     * every staff group reads these lists, and only the handler and the operator call the consumer, from the task.
     */
    static final List<Map<String, String>> CASE_FACTS = List.of(
            Map.of("name", CASE_NUMBER, "label", "案件编号"),
            Map.of("name", COMPLAINANT_NAME, "label", "投诉人"),
            Map.of("name", RESPONDENT_NAME, "label", "被投诉人"),
            Map.of("name", HANDLING_UNIT_NAME, "label", "承办单位"));

    /** Tasklist lists filters by ascending priority. */
    static final List<TaskFilter> FILTERS = List.of(
            new TaskFilter("我的待办", 10, "已分配给我的任务",
                    query -> query.taskAssigneeExpression("${currentUser()}")),
            new TaskFilter("本单位待办", 20, "我所在单位（或岗位）可以领取的任务",
                    query -> query.taskCandidateGroupInExpression("${currentUserGroups()}")),
            new TaskFilter("待登记", 30, "新受理、待话务员登记的案件",
                    query -> query.taskCandidateGroup(OPERATORS).taskDefinitionKey("Task_RegisterCase")),
            new TaskFilter("待回访", 40, "承办完毕、待话务员回访消费者的案件",
                    query -> query.taskCandidateGroup(OPERATORS).taskDefinitionKey("Task_RevisitConsumer")),
            new TaskFilter("待分送", 50, "未能自动分送或被承办单位退回、待分送岗指定承办单位的案件",
                    query -> query.taskCandidateGroup(DISPATCHERS)),
            new TaskFilter("督办", 60, "不满意案件的督办、超期案件的督办和延长核查期限的审批",
                    query -> query.taskCandidateGroup(SUPERVISORS)),
            new TaskFilter("3·15 转办", 70, "3·15 晚会转办案件的全部待办任务（期限更短，优先级 80）",
                    query -> query.processVariableValueEquals(CHANNEL, "TV_315")));

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        for (TaskFilter definition : FILTERS) {
            if (filterService.createTaskFilterQuery().filterName(definition.name()).count() == 0) {
                filterService.saveFilter(filterService.newTaskFilter(definition.name())
                        .setQuery(definition.criteria().apply(taskService.createTaskQuery()))
                        .setProperties(definition.properties()));
                log.info("Tasklist filter {} created", definition.name());
            }
        }
    }

    /** A task filter: its name, place in the list, what it holds, and which tasks it selects. */
    record TaskFilter(String name, int priority, String description, UnaryOperator<TaskQuery> criteria) {

        Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("priority", priority);
            properties.put("description", description);
            properties.put("refresh", true);
            properties.put("variables", CASE_FACTS);
            return properties;
        }
    }
}
