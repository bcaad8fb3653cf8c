package org.casedesk.deadline;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.casefile.CentreTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time for testing, inspection, quarantine or appraisal does not count towards the mediation period
 * (Measures Art. 20): the handler records it and the case's mediation reminder and deadline move by that many
 * working days, as do the mediation task's due date and the stored deadline.
 */
@Service
public class MediationPause {

    static final String TESTING_WORKING_DAYS = "testingWorkingDays";

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final WorkingDayCalendar calendar;
    private final DeadlineFacts facts;

    public MediationPause(RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
            WorkingDayCalendar calendar, DeadlineFacts facts) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.calendar = calendar;
        this.facts = facts;
    }

    /** @throws IllegalArgumentException naming the reason when the case is not in mediation within its deadline */
    @Transactional
    public Instant extend(String caseNumber, int workingDays) {
        if (workingDays < 1 || workingDays > 120) {
            throw new IllegalArgumentException("testingWorkingDays (检测鉴定工作日) must be 1 to 120, not " + workingDays);
        }
        ProcessInstance caseProcess = runtimeService.createProcessInstanceQuery().processDefinitionKey("case-lifecycle")
                .processInstanceBusinessKey(caseNumber).singleResult();
        if (caseProcess == null) {
            throw new IllegalArgumentException("案件 " + caseNumber + " 不存在或已办结 / no running case " + caseNumber);
        }
        Job due = timer(caseProcess, "Timer_MediationDue");
        if (due == null) {
            throw new IllegalArgumentException("案件 " + caseNumber
                    + " 不在调解期限内（未在调解，或调解期限已届满并已通报） / not within a mediation deadline");
        }
        Date newDue = later(due.getDuedate(), workingDays);
        managementService.setJobDuedate(due.getId(), newDue);
        Job reminder = timer(caseProcess, "Timer_MediationReminder");
        if (reminder != null) {
            managementService.setJobDuedate(reminder.getId(), later(reminder.getDuedate(), workingDays));
        }
        Task mediation = taskService.createTaskQuery().processInstanceId(caseProcess.getId())
                .taskDefinitionKey("Task_MediateComplaint").singleResult();
        mediation.setDueDate(newDue);
        taskService.saveTask(mediation);
        facts.rescheduled(caseNumber, "MEDIATION", newDue.toInstant());
        Integer before = (Integer) runtimeService.getVariable(caseProcess.getId(), TESTING_WORKING_DAYS);
        runtimeService.setVariable(caseProcess.getId(), TESTING_WORKING_DAYS, (before == null ? 0 : before) + workingDays);
        return newDue.toInstant();
    }

    private Job timer(ProcessInstance caseProcess, String timerId) {
        return managementService.createJobQuery().processInstanceId(caseProcess.getId()).activityId(timerId)
                .singleResult();
    }

    /** The same time of day, that many working days later in Shanghai. */
    private Date later(Date date, int workingDays) {
        ZonedDateTime local = date.toInstant().atZone(CentreTime.ZONE);
        return Date.from(calendar.addWorkingDays(local.toLocalDate(), workingDays).atTime(local.toLocalTime())
                .atZone(CentreTime.ZONE).toInstant());
    }
}
