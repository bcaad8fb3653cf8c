package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Working-day deadlines inside a real engine: task due dates and timers written as {@code 7WD}. */
class DeadlinePluginTests {

    private ProcessEngine engine;

    @BeforeEach
    void startEngine() {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        TestDatabase.use(configuration, "deadline-plugin");
        configuration.getProcessEnginePlugins().add(new DeadlinePlugin(new WorkingDayCalendar(null)));
        engine = configuration.buildProcessEngine();
        // Thursday 2026-02-12, 10:00 in Shanghai: the Spring Festival break lies ahead
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-02-12T02:00:00Z")));
    }

    @AfterEach
    void closeEngine() {
        ClockUtil.reset();
        engine.close();
    }

    @Test
    void taskDueInSevenWorkingDaysIsDueAtTheEndOfTheMakeUpSaturday() {
        start(process("7WD", "PT1H"));

        Task task = engine.getTaskService().createTaskQuery().singleResult();

        assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-02-28T15:59:59Z"));
    }

    @Test
    void timerAtATimeOfDayFiresOnThatWorkingDayInShanghai() {
        start(process("7WD", "6WD@09:00"));

        Job reminder = engine.getManagementService().createJobQuery().timers().singleResult();

        assertThat(reminder.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-02-27T01:00:00Z"));
    }

    @Test
    void isoDurationsStillWork() {
        start(process("P2D", "PT4H"));

        assertThat(engine.getTaskService().createTaskQuery().singleResult().getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-02-14T02:00:00Z"));
        assertThat(engine.getManagementService().createJobQuery().timers().singleResult().getDuedate().toInstant())
                .isEqualTo(Instant.parse("2026-02-12T06:00:00Z"));
    }

    @Test
    void misspelledTaskDueDateFailsLoudlyInsteadOfBeingIgnored() {
        BpmnModelInstance process = process("7 working days", "PT1H");

        assertThatThrownBy(() -> start(process)).hasMessageContaining("7 working days");
    }

    @Test
    void misspelledTimerIsRefusedWhenTheSupervisorDeploys() {
        BpmnModelInstance process = process("7WD", "7wd");

        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                .addModelInstance("p.bpmn", process).deploy())
                .hasMessageContaining("Timer reminder: '7wd' is neither a working-day deadline");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    }

    @Test
    void taskWithoutADueDateTakesTheDueDateOfItsDeadlineTimer() {
        start(Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("task")
                .boundaryEvent("Timer_AcceptanceDue").cancelActivity(false).timerWithDuration("7WD")
                .endEvent()
                .moveToActivity("task").endEvent()
                .done());

        assertThat(engine.getTaskService().createTaskQuery().singleResult().getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-02-28T15:59:59Z"));
    }

    @Test
    void taskInsideASubprocessTakesTheDueDateOfTheSubprocessDeadline() {
        start(Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1)
                .startEvent()
                .subProcess("period").embeddedSubProcess()
                .startEvent().userTask("first").userTask("second").endEvent()
                .subProcessDone()
                .boundaryEvent("Timer_PeriodDue").cancelActivity(false).timerWithDuration("1WD")
                .endEvent()
                .moveToActivity("period").endEvent()
                .done());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-02-13T02:00:00Z")));

        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().singleResult().getId());

        // Friday's work started Thursday: the next working day after Thursday is Friday 2026-02-13
        assertThat(engine.getTaskService().createTaskQuery().singleResult().getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-02-13T15:59:59Z"));
    }

    private void start(BpmnModelInstance process) {
        engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", process).deploy();
        engine.getRuntimeService().startProcessInstanceByKey("p");
    }

    private static BpmnModelInstance process(String taskDueDate, String timerDuration) {
        return Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("task").camundaDueDate(taskDueDate)
                .boundaryEvent("reminder").cancelActivity(false).timerWithDuration(timerDuration)
                .endEvent()
                .moveToActivity("task").endEvent()
                .done();
    }
}
