package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.WORK_ORDER_DUE_AT;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.WorkOrderDeadline.StepTimers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one running step's deadline by working days, where the law lets the period stop or grow: testing and
 * appraisal time in mediation (Measures Art. 20), a report's verification extended with approval (Procedure
 * Rules Art. 18). The step's reminder and deadline timers move, and so do its task's due date and stored deadline;
 * a 12345 work order's own deadline still bounds them (12345 extends its orders itself).
 */
@Service
public class DeadlineExtension {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final WorkingDayCalendar calendar;
    private final DeadlineFacts facts;

    public DeadlineExtension(RuntimeService runtimeService, ManagementService managementService,
            TaskService taskService, WorkingDayCalendar calendar, DeadlineFacts facts) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.calendar = calendar;
        this.facts = facts;
    }

    /**
     * @param step the step as named in its timers, e.g. {@code Mediation} for {@code Timer_MediationDue}
     * @return the step's new deadline
     * @throws IllegalArgumentException naming the reason when the case is not running within that deadline
     */
    @Transactional
    public Instant extend(String caseNumber, String step, int workingDays) {
        if (workingDays < 1 || workingDays > 120) {
            throw new IllegalArgumentException("Working days must be 1 to 120, not " + workingDays);
        }
        return extend(caseProcess(caseNumber), caseNumber, step, workingDays);
    }

    /** As {@link #extend}, but a step may be extended only once in each round of handling. */
    @Transactional
    public Instant extendOnce(String caseNumber, String step, int workingDays) {
        ProcessInstance caseProcess = caseProcess(caseNumber);
        if (extendedWorkingDays(caseProcess.getId(), step) > 0) {
            throw new IllegalArgumentException("案件 " + caseNumber + " 的该期限已延长过一次 / " + step + " already extended");
        }
        return extend(caseProcess, caseNumber, step, workingDays);
    }

    /**
     * The working days the step's current round was extended by, kept in the case variable
     * {@code <step>ExtendedWorkingDays}, so that recounting deadlines from the BPMN keeps them.
     */
    int extendedWorkingDays(String processInstanceId, String step) {
        Object days = runtimeService.getVariable(processInstanceId, extendedVariable(step));
        return days instanceof Number number ? number.intValue() : 0;
    }

    /**
     * Moves the step's reminder and deadline timers, its task's due date and its stored deadline by working
     * days; returns the new deadline, or null when the step has no deadline timer running.
     */
    Instant shiftTimers(String processInstanceId, String caseNumber, String step, int workingDays) {
        String dueTimer = "Timer_" + step + "Due";
        Job due = timer(processInstanceId, dueTimer);
        if (due == null) {
            return null;
        }
        Date oldDue = due.getDuedate();
        Job reminder = timer(processInstanceId, "Timer_" + step + "Reminder");
        Date newDue = setStepTimers(processInstanceId, due, later(oldDue, workingDays), reminder,
                reminder == null ? null : later(reminder.getDuedate(), workingDays));
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).dueDate(oldDue).list()) {
            task.setDueDate(newDue);
            taskService.saveTask(task);
        }
        facts.rescheduled(caseNumber, DeadlineTimers.key(dueTimer), newDue.toInstant());
        return newDue.toInstant();
    }

    /** {@code Mediation} or {@code MEDIATION} → {@code mediationExtendedWorkingDays}. */
    static String extendedVariable(String stepOrDeadline) {
        StringBuilder name = new StringBuilder();
        for (String word : stepOrDeadline.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase().split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name + "ExtendedWorkingDays";
    }

    private ProcessInstance caseProcess(String caseNumber) {
        ProcessInstance caseProcess = runtimeService.createProcessInstanceQuery().processDefinitionKey("case-lifecycle")
                .processInstanceBusinessKey(caseNumber).singleResult();
        if (caseProcess == null) {
            throw new IllegalArgumentException("案件 " + caseNumber + " 不存在或已办结 / no running case " + caseNumber);
        }
        return caseProcess;
    }

    private Instant extend(ProcessInstance caseProcess, String caseNumber, String step, int workingDays) {
        Instant newDue = shiftTimers(caseProcess.getId(), caseNumber, step, workingDays);
        if (newDue == null) {
            throw new IllegalArgumentException("案件 " + caseNumber + " 不在该环节期限内（未到该环节，或期限已届满并已通报）"
                    + " / not within its " + step + " deadline");
        }
        runtimeService.setVariable(caseProcess.getId(), extendedVariable(step),
                extendedWorkingDays(caseProcess.getId(), step) + workingDays);
        return newDue;
    }

    /**
     * Sets a step's deadline and reminder timers, kept within a 12345 work order's own deadline
     * ({@link WorkOrderDeadline}); returns the deadline set.
     */
    Date setStepTimers(String processInstanceId, Job due, Date dueDate, Job reminder, Date reminderDate) {
        Object workOrderDueAt = runtimeService.getVariable(processInstanceId, WORK_ORDER_DUE_AT);
        StepTimers kept = WorkOrderDeadline.of(workOrderDueAt, calendar)
                .map(workOrder -> workOrder.stricter(dueDate, reminderDate, ClockUtil.getCurrentTime().toInstant()))
                .orElse(new StepTimers(dueDate, reminderDate));
        managementService.setJobDuedate(due.getId(), kept.due());
        if (reminder != null && kept.reminder() == null) {
            managementService.deleteJob(reminder.getId());
        } else if (reminder != null) {
            managementService.setJobDuedate(reminder.getId(), kept.reminder());
        }
        return kept.due();
    }

    Job timer(String processInstanceId, String timerId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerId)
                .singleResult();
    }

    /** The same time of day, that many working days later in Shanghai. */
    private Date later(Date date, int workingDays) {
        ZonedDateTime local = date.toInstant().atZone(CentreTime.ZONE);
        return Date.from(calendar.addWorkingDays(local.toLocalDate(), workingDays).atTime(local.toLocalTime())
                .atZone(CentreTime.ZONE).toInstant());
    }
}
