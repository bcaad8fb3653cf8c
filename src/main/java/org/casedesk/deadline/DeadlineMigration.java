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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running cases to the newest deployed version of their process after a supervisor changed a deadline
 * timer in Camunda Modeler, with Camunda's migration API. Each deadline is then counted again from when its
 * step started, not from now: the migrated timers are recalculated from their creation time, and the steps'
 * task due dates and stored deadline facts follow their timers.
 */
@Service
public class DeadlineMigration {

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final DeadlineFacts facts;
    private final ProcessEngineConfigurationImpl engine;

    public DeadlineMigration(RepositoryService repositoryService, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService, DeadlineFacts facts,
            ProcessEngineConfigurationImpl engine) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.facts = facts;
        this.engine = engine;
    }

    /** Migrates every running instance of older versions of {@code processKey}; returns what was moved. */
    @Transactional
    public MigrationResult migrateToLatest(String processKey) {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalArgumentException("No process definition " + processKey);
        }
        List<String> migrated = new ArrayList<>();
        for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).list()) {
            if (older.getVersion() == latest.getVersion()) {
                continue;
            }
            List<String> instanceIds = runtimeService.createProcessInstanceQuery()
                    .processDefinitionId(older.getId()).list().stream().map(ProcessInstance::getId).toList();
            if (instanceIds.isEmpty()) {
                continue;
            }
            MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
                    .mapEqualActivities().updateEventTriggers().build();
            runtimeService.newMigration(plan).processInstanceIds(instanceIds).execute();
            migrated.addAll(instanceIds);
        }
        migrated.forEach(this::recountDeadlines);
        return new MigrationResult(processKey, latest.getVersion(), migrated.size());
    }

    /** Timers from their creation time; tasks and facts from their step's deadline timer. */
    private void recountDeadlines(String processInstanceId) {
        for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            managementService.recalculateJobDuedate(timer.getId(), true);
        }
        String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
        for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            String timerId = managementService.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                    .singleResult().getActivityId();
            if (DeadlineTimers.isDueTimer(timerId)) {
                facts.rescheduled(caseNumber, DeadlineTimers.key(timerId), timer.getDuedate().toInstant());
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

    /** What a migration moved. */
    public record MigrationResult(String processKey, int toVersion, int migratedCases) {
    }
}
