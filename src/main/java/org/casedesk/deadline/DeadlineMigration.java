package org.casedesk.deadline;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recounts the deadlines of running cases after a supervisor changed a deadline timer in Camunda Modeler (or a
 * new year's holiday schedule arrived): cases on older versions move to the newest version with Camunda's
 * migration API, then every running case's timers are recalculated from their creation time, approved
 * extensions are added back, a 12345 work order's own deadline is kept where it is stricter
 * ({@link WorkOrderDeadline}), and task due dates and stored deadline facts follow the timers.
 */
@Service
public class DeadlineMigration {

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final DeadlineFacts facts;
    private final DeadlineExtension extension;
    private final ProcessEngineConfigurationImpl engine;

    public DeadlineMigration(RepositoryService repositoryService, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService, DeadlineFacts facts,
            DeadlineExtension extension, ProcessEngineConfigurationImpl engine) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.facts = facts;
        this.extension = extension;
        this.engine = engine;
    }

    /** Migrates the running cases of older versions of {@code processKey}, then recounts every running case. */
    @Transactional
    public MigrationResult migrateToLatest(String processKey) {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalArgumentException("No process definition " + processKey);
        }
        int migrated = 0;
        for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).list()) {
            List<String> instanceIds = older.getVersion() == latest.getVersion() ? List.of()
                    : runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).list().stream()
                            .map(ProcessInstance::getId).toList();
            if (!instanceIds.isEmpty()) {
                MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
                        .mapEqualActivities().updateEventTriggers().build();
                runtimeService.newMigration(plan).processInstanceIds(instanceIds).execute();
                migrated += instanceIds.size();
            }
        }
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(latest.getId()).list();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(latest.getId());
        running.forEach(caseProcess -> recountDeadlines(caseProcess, model));
        return new MigrationResult(processKey, latest.getVersion(), migrated, running.size());
    }

    private void recountDeadlines(ProcessInstance caseProcess, BpmnModelInstance model) {
        String processInstanceId = caseProcess.getId();
        String caseNumber = caseProcess.getBusinessKey();
        for (Job timer : timers(processInstanceId)) {
            managementService.recalculateJobDuedate(timer.getId(), true);
        }
        ActivityInstance activities = runtimeService.getActivityInstance(processInstanceId);
        List<String> steps = new ArrayList<>();
        for (Job timer : timers(processInstanceId)) {
            String timerId = managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                    .singleResult().getActivityId();
            if (!DeadlineTimers.isDueTimer(timerId)) {
                continue;
            }
            String stepName = timerId.substring("Timer_".length(), timerId.length() - "Due".length());
            steps.add(stepName);
            Job reminder = extension.timer(processInstanceId, "Timer_" + stepName + "Reminder");
            Date dueDate = extension.setStepTimers(processInstanceId, timer, timer.getDuedate(), reminder,
                    reminder == null ? null : reminder.getDuedate());
            String deadline = DeadlineTimers.key(timerId);
            if (!facts.rescheduled(caseNumber, deadline, dueDate.toInstant())) {
                // the step began before its deadline existed (a timer added in a newer version)
                String step = ((BoundaryEvent) model.getModelElementById(timerId)).getAttachedTo().getId();
                for (ActivityInstance stepInstance : activities.getActivityInstances(step)) {
                    facts.started(stepInstance.getId(), caseNumber, deadline, timer.getCreateTime().toInstant(),
                            dueDate.toInstant());
                }
            }
        }
        for (String step : steps) {
            int extended = extension.extendedWorkingDays(processInstanceId, step);
            if (extended > 0) {
                extension.shiftTimers(processInstanceId, caseNumber, step, extended);
            }
        }
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            Optional<Date> due = engine.getCommandExecutorTxRequired().execute(context ->
                    DeadlineTimers.dueDateOf(context.getExecutionManager().findExecutionById(task.getExecutionId())));
            if (due.isPresent()) {
                task.setDueDate(due.get());
                taskService.saveTask(task);
            }
        }
    }

    private List<Job> timers(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list();
    }

    /** What a migration moved and recounted. */
    public record MigrationResult(String processKey, int toVersion, int migratedCases, int recountedCases) {
    }
}
