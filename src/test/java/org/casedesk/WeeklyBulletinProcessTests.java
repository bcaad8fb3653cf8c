package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.casedesk.casefile.CentreTime;
import org.casedesk.reporting.ChooseLastWeekDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/weekly-bulletin.bpmn}: the Monday 08:00 timer (Shanghai), the choice of the week
 * before, and the asynchronous send step (a recording stand-in here; the report and its mail are tested in
 * {@code PeriodicReportTests}). Flow-node and sequence-flow coverage is measured and must be complete.
 */
@Deployment(resources = "processes/weekly-bulletin.bpmn")
class WeeklyBulletinProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("process-tests.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final String PROCESS = "weekly-bulletin";

    /** Sunday 2026-11-22, 15:00 in Shanghai: when each test deploys the process. */
    static final Instant SUNDAY_AFTERNOON = Instant.parse("2026-11-22T07:00:00Z");
    /** Monday 2026-11-23, 08:00 in Shanghai. */
    static final Instant MONDAY_0800 = Instant.parse("2026-11-23T00:00:00Z");

    /** What the send steps were asked for: {@code WEEKLY 2026-11-16}. */
    private final List<String> sent = new ArrayList<>();

    @BeforeEach
    void delegates() {
        // this test's engine, not one a @SpringBootTest that ran earlier in this JVM left registered
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SUNDAY_AFTERNOON));
        Mocks.register("chooseLastWeekDelegate", new ChooseLastWeekDelegate());
        Mocks.register("sendPeriodicReportDelegate", (JavaDelegate) execution -> sent.add(
                execution.getVariable("reportKind") + " " + execution.getVariable("reportFrom")));
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void deployedOnSundayTheTimerFiresAtEightOnMondayMorningInShanghai() {
        assertThat(timer().getDuedate().toInstant()).isEqualTo(MONDAY_0800);
    }

    @Test
    void onMondayTheBulletinOfTheWeekBeforeIsSentByAnAsynchronousStep() {
        at(MONDAY_0800);

        ProcessInstance bulletin = fireAndWait();

        assertThat(bulletin).isWaitingAt("Task_SendWeeklyBulletin").variables()
                .containsEntry("reportKind", "WEEKLY").containsEntry("reportFrom", "2026-11-16");
        assertThat(sent).isEmpty();
        execute(job(bulletin));
        assertThat(sent).containsExactly("WEEKLY 2026-11-16");
        execute(job(bulletin)); // the step ends in a transaction of its own, after the mail's has committed
        assertThat(bulletin).isEnded().hasPassed("Task_ChooseLastWeek", "EndEvent_WeeklyBulletinSent");
        assertThat(timer().getDuedate().toInstant())
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void onAMondayThatIsAPublicHolidayTheBulletinStillGoesOut() {
        // National Day, 2026-10-05: the bulletin of 28 September to 4 October
        at(Instant.parse("2026-10-05T00:00:00Z"));

        ProcessInstance bulletin = fireAndWait();
        execute(job(bulletin));

        assertThat(sent).containsExactly("WEEKLY 2026-09-28");
    }

    @Test
    void aWeeklyTimerThatFiresLateOnTuesdayStillReportsTheWeekBefore() {
        at(Instant.parse("2026-11-24T06:00:00Z"));

        ProcessInstance bulletin = fireAndWait();

        assertThat(bulletin).isWaitingAt("Task_SendWeeklyBulletin").variables().containsEntry("reportFrom",
                "2026-11-16");
    }

    @Test
    void aReportThatCannotBeSentIsTriedFiveTimesInAllTenMinutesApartThenShowsAnIncident() {
        Mocks.register("sendPeriodicReportDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("SMTP server down");
        });
        at(MONDAY_0800);
        ProcessInstance bulletin = fireAndWait();

        Instant now = MONDAY_0800;
        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = job(bulletin);
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessage("SMTP server down");
            Job failed = job(bulletin);
            assertThat(failed.getRetries()).as("retries after attempt %d", attempt).isEqualTo(5 - attempt);
            if (attempt < 5) {
                assertThat(failed.getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(10)));
                now = now.plus(Duration.ofMinutes(11));
                at(now);
            }
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(bulletin.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_SendWeeklyBulletin");
        assertThat(bulletin).isWaitingAt("Task_SendWeeklyBulletin").variables().containsEntry("reportFrom",
                "2026-11-16");
    }

    /**
     * Camunda computes each next firing from the cycle in the server's zone; the explicit +08:00 start and a period
     * of exactly 168 hours keep Monday 08:00 in Shanghai whatever that zone and its daylight saving changes.
     */
    @Test
    void theCycleKeepsMondayEightInShanghaiWhateverTheServersZone() {
        String cycle = timeCycle();
        assertThat(cycle).isEqualTo("R/2026-01-05T08:00+08:00/PT168H");
        BusinessCalendar calendar = cycleCalendar();
        TimeZone serverZone = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "Asia/Shanghai", "America/New_York", "Europe/Berlin")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Date firing = calendar.resolveDuedate(cycle, Date.from(Instant.parse("2026-02-15T00:00:00Z")));
                for (int i = 0; i < 60; i++) {
                    ZonedDateTime shanghai = ZonedDateTime.ofInstant(firing.toInstant(), CentreTime.ZONE);
                    assertThat(shanghai.toLocalTime()).as("%s, %s", zone, firing.toInstant())
                            .isEqualTo(LocalTime.of(8, 0));
                    assertThat(shanghai.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                    firing = calendar.resolveDuedate(cycle, firing);
                }
            }
        } finally {
            TimeZone.setDefault(serverZone);
        }
    }

    /** Fires the start timer as the job executor would, and returns the id of the process it started. */
    private String fire() {
        List<String> before = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .list().stream().map(HistoricProcessInstance::getId).toList();
        managementService().executeJob(timer().getId());
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).list().stream()
                .map(HistoricProcessInstance::getId).filter(id -> !before.contains(id)).findFirst().orElseThrow();
    }

    /** The process of {@link #fire()}, when it waits at its send step. */
    private ProcessInstance fireAndWait() {
        String id = fire();
        return runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private Job timer() {
        return managementService().createJobQuery().processDefinitionKey(PROCESS).timers().singleResult();
    }

    private String timeCycle() {
        String definitionId = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .singleResult().getId();
        return repositoryService().getBpmnModelInstance(definitionId).getModelElementsByType(TimerEventDefinition.class)
                .iterator().next().getTimeCycle().getTextContent();
    }

    private static BusinessCalendar cycleCalendar() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration())
                .getBusinessCalendarManager().getBusinessCalendar(CycleBusinessCalendar.NAME);
    }

    private static void at(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
