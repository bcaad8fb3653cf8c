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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
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
import org.casedesk.deadline.WorkingDayCalendar;
import org.casedesk.notification.CheckWorkingDayDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/overdue-bulletin.bpmn}: the daily timer at 09:00 Shanghai time, the working-day
 * check with the real calendar, and the asynchronous mail step (a recording stand-in here; the mail itself is
 * tested in {@code OverdueBulletinTests}). Flow-node and sequence-flow coverage is measured and must be complete.
 */
@Deployment(resources = "processes/overdue-bulletin.bpmn")
class OverdueBulletinProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("process-tests.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final String PROCESS = "overdue-bulletin";

    /** Sunday 2026-11-29, 15:00 in Shanghai: when each test deploys the process. */
    static final Instant SUNDAY_AFTERNOON = Instant.parse("2026-11-29T07:00:00Z");
    /** Monday 2026-11-30, 09:00 in Shanghai: an ordinary working day. */
    static final Instant MONDAY_0900 = Instant.parse("2026-11-30T01:00:00Z");

    private final List<String> bulletins = new ArrayList<>();

    @BeforeEach
    void delegates() {
        // this test's engine, not one a @SpringBootTest that ran earlier in this JVM left registered
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SUNDAY_AFTERNOON));
        Mocks.register("checkWorkingDayDelegate", new CheckWorkingDayDelegate(new WorkingDayCalendar(null)));
        Mocks.register("sendOverdueBulletinDelegate",
                (JavaDelegate) execution -> bulletins.add((String) execution.getVariable("bulletinDate")));
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void timerDeployedOnSundayAfternoonFiresAtNineOnMondayMorningInShanghai() {
        assertThat(dailyTimer().getDuedate().toInstant()).isEqualTo(MONDAY_0900);
    }

    @Test
    void timerSetOnAUtcEveningFiresAtNineTheSameShanghaiMorning() {
        // Sunday 23:30 UTC is Monday 07:30 in Shanghai: the next 09:00 there is an hour and a half away
        at(Instant.parse("2026-11-29T23:30:00Z"));

        managementService().recalculateJobDuedate(dailyTimer().getId(), false);

        assertThat(dailyTimer().getDuedate().toInstant()).isEqualTo(MONDAY_0900);
    }

    @Test
    void onAWorkingDayTheBulletinIsSentByAnAsynchronousStep() {
        at(MONDAY_0900);

        ProcessInstance bulletin = fireAndWait();

        assertThat(bulletin).isWaitingAt("Task_SendOverdueBulletin")
                .variables().containsEntry("workingDay", true).containsEntry("bulletinDate", "2026-11-30");
        assertThat(bulletins).isEmpty();
        execute(job(bulletin));
        assertThat(bulletins).containsExactly("2026-11-30");
        execute(job(bulletin)); // the step ends in a transaction of its own, after the mail's has committed
        assertThat(bulletin).isEnded().hasPassed("Task_SendOverdueBulletin", "EndEvent_BulletinSent");
    }

    @Test
    void onAMakeUpWorkingSaturdayTheBulletinIsSent() {
        at(Instant.parse("2026-10-10T01:00:00Z"));

        ProcessInstance bulletin = fireAndWait();

        assertThat(bulletin).isWaitingAt("Task_SendOverdueBulletin");
        execute(job(bulletin));
        assertThat(bulletins).containsExactly("2026-10-10");
    }

    @Test
    void onAPublicHolidayNoBulletinIsSent() {
        at(Instant.parse("2026-10-01T01:00:00Z"));

        String bulletin = fire();

        assertThat(passed(bulletin)).containsExactly("StartEvent_Daily0900", "Task_CheckWorkingDay",
                "Gateway_WorkingDay", "EndEvent_NotWorkingDay");
        assertThat(bulletins).isEmpty();
        assertThat(managementService().createJobQuery().processInstanceId(bulletin).count()).isZero();
    }

    @Test
    void onASaturdayNoBulletinIsSent() {
        at(Instant.parse("2026-11-28T01:00:00Z"));

        String bulletin = fire();

        assertThat(passed(bulletin)).contains("EndEvent_NotWorkingDay").doesNotContain("Task_SendOverdueBulletin");
        assertThat(bulletins).isEmpty();
    }

    @Test
    void afterFiringTheNextTimerIsAgainNineInShanghaiTheNextDay() {
        at(MONDAY_0900);

        fire();

        assertThat(dailyTimer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    }

    @Test
    void aTimerThatFiresLateStillSendsThatDaysBulletinAndFiresAgainAtNineTheNextDay() {
        // the job executor was down until 14:30 on Monday
        at(Instant.parse("2026-11-30T06:30:00Z"));

        ProcessInstance bulletin = fireAndWait();

        assertThat(bulletin).isWaitingAt("Task_SendOverdueBulletin").variables().containsEntry("bulletinDate",
                "2026-11-30");
        assertThat(dailyTimer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    }

    @Test
    void aBulletinThatCannotBeSentIsTriedFiveTimesInAllTenMinutesApartThenShowsAnIncident() {
        Mocks.register("sendOverdueBulletinDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("SMTP server down");
        });
        at(MONDAY_0900);
        ProcessInstance bulletin = fireAndWait();

        Instant now = MONDAY_0900;
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
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_SendOverdueBulletin");
        assertThat(bulletin).isWaitingAt("Task_SendOverdueBulletin").variables().containsEntry("bulletinDate",
                "2026-11-30");
    }

    /**
     * Camunda computes each next firing from the cycle with a {@code GregorianCalendar} in the server's zone. The
     * explicit +08:00 start and a period of exactly 24 hours keep every firing at 09:00 in Shanghai (which has no
     * daylight saving time), whatever that zone and its daylight saving changes.
     */
    @Test
    void theTimeCycleKeepsNineInShanghaiOnEveryDayWhateverTheServersZone() {
        String cycle = timeCycle();
        assertThat(cycle).isEqualTo("R/2026-01-01T09:00+08:00/PT24H");
        BusinessCalendar calendar = cycleCalendar();
        TimeZone serverZone = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "Asia/Shanghai", "America/New_York", "Europe/Berlin",
                    "Australia/Sydney")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Date firing = calendar.resolveDuedate(cycle, Date.from(Instant.parse("2026-02-15T00:00:00Z")));
                for (int day = 0; day < 400; day++) {
                    Date next = calendar.resolveDuedate(cycle, firing);
                    assertThat(ZonedDateTime.ofInstant(next.toInstant(), CentreTime.ZONE).toLocalTime())
                            .as("%s, after %s", zone, firing.toInstant()).isEqualTo(LocalTime.of(9, 0));
                    assertThat(Duration.between(firing.toInstant(), next.toInstant())).isEqualTo(Duration.ofDays(1));
                    firing = next;
                }
            }
        } finally {
            TimeZone.setDefault(serverZone);
        }
    }

    /** Why not {@code P1D}: Camunda adds a calendar day in the server's zone, so a New York server drifts an hour. */
    @Test
    void aP1DCycleWouldFollowTheDaylightSavingTimeOfTheServersZone() {
        BusinessCalendar calendar = cycleCalendar();
        TimeZone serverZone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));

            Date summerFiring = calendar.resolveDuedate("R/2026-01-01T09:00+08:00/P1D",
                    Date.from(Instant.parse("2026-06-01T12:00:00Z")));

            assertThat(ZonedDateTime.ofInstant(summerFiring.toInstant(), CentreTime.ZONE).toLocalTime())
                    .isEqualTo(LocalTime.of(8, 0));
        } finally {
            TimeZone.setDefault(serverZone);
        }
    }

    /** Fires the daily timer as the job executor would, and returns the id of the bulletin process it started. */
    private String fire() {
        managementService().executeJob(dailyTimer().getId());
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).singleResult()
                .getId();
    }

    /** The bulletin process of {@link #fire()}, when it waits at its mail step. */
    private ProcessInstance fireAndWait() {
        String id = fire();
        return runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private Job dailyTimer() {
        return managementService().createJobQuery().processDefinitionKey(PROCESS).timers().activityId(
                "StartEvent_Daily0900").singleResult();
    }

    private List<String> passed(String processInstanceId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private String timeCycle() {
        String definitionId = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .singleResult().getId();
        return repositoryService().getBpmnModelInstance(definitionId).getModelElementsByType(TimerEventDefinition.class)
                .iterator().next().getTimeCycle().getTextContent();
    }

    /** The engine's own calendar for timer cycles, which computes every next firing. */
    private static BusinessCalendar cycleCalendar() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration())
                .getBusinessCalendarManager().getBusinessCalendar(CycleBusinessCalendar.NAME);
    }

    private static void at(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
