package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.WorkingDayCalendar;
import org.casedesk.notification.NotificationService;
import org.casedesk.reporting.CheckAnalysisDueDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/monthly-analysis.bpmn}: the daily 08:00 timer (Shanghai), the check with the real
 * calendar (holidays and make-up working days) and whether last month's analysis was mailed, and the asynchronous
 * send step (a recording stand-in here, whose keys stand in for the mail log; the report and its mail are tested in
 * {@code PeriodicReportTests}). Flow-node and sequence-flow
 * coverage is measured and must be complete.
 */
@Deployment(resources = "processes/monthly-analysis.bpmn")
class MonthlyAnalysisProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("process-tests.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final String PROCESS = "monthly-analysis";

    /** Sunday 2026-11-22, 15:00 in Shanghai: when each test deploys the process. */
    static final Instant SUNDAY_AFTERNOON = Instant.parse("2026-11-22T07:00:00Z");
    /** Monday 2026-11-23, 08:00 in Shanghai: the first firing after the deployment. */
    static final Instant MONDAY_0800 = Instant.parse("2026-11-23T00:00:00Z");

    /** What the send steps were asked for: {@code WEEKLY 2026-11-16}. */
    private final List<String> sent = new ArrayList<>();
    /** The mail log's keys of the analyses sent: {@code MONTHLY_REPORT:2026-11}. */
    private final Set<String> mailLog = new HashSet<>();

    @BeforeEach
    void delegates() {
        // this test's engine, not one a @SpringBootTest that ran earlier in this JVM left registered
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SUNDAY_AFTERNOON));
        NotificationService notifications = mock(NotificationService.class);
        when(notifications.wasSent(anyString())).thenAnswer(call -> mailLog.contains(call.<String>getArgument(0)));
        Mocks.register("checkAnalysisDueDelegate", new CheckAnalysisDueDelegate(new WorkingDayCalendar(null),
                notifications));
        Mocks.register("sendPeriodicReportDelegate", (JavaDelegate) execution -> {
            String from = (String) execution.getVariable("reportFrom");
            sent.add(execution.getVariable("reportKind") + " " + from);
            mailLog.add("MONTHLY_REPORT:" + from.substring(0, 7));
        });
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void deployedOnSundayTheTimerFiresAtEightTheNextMorningInShanghai() {
        assertThat(timer().getDuedate().toInstant()).isEqualTo(MONDAY_0800);
    }

    @Test
    void onTheFirstWorkingDayOfAMonthTheAnalysisOfTheMonthBeforeIsSent() {
        // Tuesday 2026-12-01
        at(Instant.parse("2026-12-01T00:00:00Z"));

        ProcessInstance analysis = fireAndWait();

        assertThat(analysis).isWaitingAt("Task_SendMonthlyAnalysis").variables()
                .containsEntry("analysisDue", true).containsEntry("reportKind", "MONTHLY")
                .containsEntry("reportFrom", "2026-11-01");
        execute(job(analysis));
        assertThat(sent).containsExactly("MONTHLY 2026-11-01");
        execute(job(analysis));
        assertThat(analysis).isEnded().hasPassed("Gateway_AnalysisDue", "EndEvent_MonthlyAnalysisSent");
    }

    @Test
    void afterTheNationalDayHolidayTheFirstWorkingDayIsTheEighthOfOctober() {
        at(Instant.parse("2026-10-01T00:00:00Z"));
        String holiday = fire();
        at(Instant.parse("2026-10-08T00:00:00Z"));
        ProcessInstance analysis = fireAndWait();
        execute(job(analysis));

        assertThat(passed(holiday)).containsExactly("StartEvent_Daily0800", "Task_CheckAnalysisDue",
                "Gateway_AnalysisDue", "EndEvent_AnalysisNotDue");
        assertThat(sent).containsExactly("MONTHLY 2026-09-01");
    }

    @Test
    void aMakeUpWorkingSundayCanBeTheFirstWorkingDay() {
        // 1 to 3 January 2026 are holidays, Sunday the 4th a working day in their place
        at(Instant.parse("2026-01-04T00:00:00Z"));

        ProcessInstance analysis = fireAndWait();
        execute(job(analysis));

        assertThat(sent).containsExactly("MONTHLY 2025-12-01");
    }

    @Test
    void onTheWorkingDayAfterTheAnalysisWasSentNoneIsSentAgain() {
        at(Instant.parse("2026-12-01T00:00:00Z"));
        execute(job(fireAndWait()));
        at(Instant.parse("2026-12-02T00:00:00Z"));

        String nextDay = fire();

        assertThat(passed(nextDay)).contains("EndEvent_AnalysisNotDue").doesNotContain("Task_SendMonthlyAnalysis");
        assertThat(managementService().createJobQuery().processInstanceId(nextDay).count()).isZero();
        assertThat(sent).containsExactly("MONTHLY 2026-11-01");
    }

    /**
     * The application was down all of Tuesday 1 December: Camunda fires the overdue timer once when it starts again,
     * on Wednesday, and November's analysis still goes out, once.
     */
    @Test
    void whenTheFirstWorkingDaysFiringIsMissedTheAnalysisIsSentOnTheDayTheTimerFires() {
        mailLog.add("MONTHLY_REPORT:2026-10");
        at(Instant.parse("2026-11-30T00:00:00Z"));
        fire(); // Monday 30 November, the last run before the outage
        at(Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(timer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));

        ProcessInstance late = fireAndWait();
        execute(job(late));
        at(Instant.parse("2026-12-03T00:00:00Z"));
        String nextDay = fire();

        assertThat(sent).containsExactly("MONTHLY 2026-11-01");
        assertThat(passed(nextDay)).contains("EndEvent_AnalysisNotDue");
    }

    /**
     * Camunda computes each next firing from the cycle in the server's zone; the explicit +08:00 start and a period
     * of exactly 24 hours keep every day's 08:00 in Shanghai whatever that zone and its daylight saving changes.
     */
    @Test
    void theCycleKeepsEightInShanghaiWhateverTheServersZone() {
        String cycle = timeCycle();
        assertThat(cycle).isEqualTo("R/2026-01-01T08:00+08:00/PT24H");
        BusinessCalendar calendar = cycleCalendar();
        TimeZone serverZone = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "Asia/Shanghai", "America/New_York", "Europe/Berlin")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Date firing = calendar.resolveDuedate(cycle, Date.from(Instant.parse("2026-02-15T00:00:00Z")));
                for (int i = 0; i < 400; i++) {
                    ZonedDateTime shanghai = ZonedDateTime.ofInstant(firing.toInstant(), CentreTime.ZONE);
                    assertThat(shanghai.toLocalTime()).as("%s, %s", zone, firing.toInstant())
                            .isEqualTo(LocalTime.of(8, 0));
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

    private static BusinessCalendar cycleCalendar() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration())
                .getBusinessCalendarManager().getBusinessCalendar(CycleBusinessCalendar.NAME);
    }

    private static void at(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
