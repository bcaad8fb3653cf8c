package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CaseNumbers;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.CloseCaseDelegate;
import org.casedesk.casefile.Closure;
import org.casedesk.casefile.HandlingOutcome;
import org.casedesk.deadline.DeadlineFacts.DeadlineFact;
import org.casedesk.deadline.DeadlineFacts;
import org.casedesk.deadline.DeadlineProcesses;
import org.casedesk.deadline.EscalateOverdueDelegate;
import org.casedesk.deadline.MarkOverdueDelegate;
import org.casedesk.deadline.RecordDeadlineListener;
import org.casedesk.deadline.StartReminderDelegate;
import org.casedesk.handling.RecordOutcomeDelegate;
import org.casedesk.handling.ReturnCaseDelegate;
import org.casedesk.intake.OpenCaseFileDelegate;
import org.casedesk.intake.RepeatCalls;
import org.casedesk.registration.MergeCaseDelegate;
import org.casedesk.registration.RecordRegistrationDelegate;
import org.casedesk.registration.RegistrationLists;
import org.casedesk.registration.RegistrationService;
import org.casedesk.registration.SplitCaseDelegate;
import org.casedesk.revisit.RecordRevisitDelegate;
import org.casedesk.revisit.RecordSupervisionDelegate;
import org.casedesk.routing.AssignUnitDelegate;
import org.casedesk.routing.OfferUnitsListener;
import org.casedesk.routing.RouteCaseDelegate;
import org.casedesk.routing.RoutingProperties;
import org.casedesk.routing.RoutingRules;
import org.casedesk.routing.RoutingTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Every path of {@code processes/case-lifecycle.bpmn}, driven through the engine with the real delegates on
 * an in-memory case table. Flow-node and sequence-flow coverage is measured and must be complete.
 */
@Deployment(resources = {"processes/case-lifecycle.bpmn", "processes/overdue-escalation.bpmn",
        "processes/deadline-reminder.bpmn"})
class CaseLifecycleProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-tests.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Thursday 2026-11-26, 10:00 in Shanghai: every test starts on an ordinary working-day morning. */
    private static final Instant THURSDAY_MORNING = Instant.parse("2026-11-26T02:00:00Z");

    private static JdbcClient jdbc;
    private static CaseFileService caseFiles;
    private static RepeatCalls repeatCalls;
    private static DeadlineFacts deadlineFacts;
    private final List<String> reminders = new ArrayList<>();
    private final List<String> overdueNotices = new ArrayList<>();
    private final List<String> consumerMails = new ArrayList<>();
    private final List<String> workOrderReplies = new ArrayList<>();
    private static RoutingRules routingRules;
    private static OfferUnitsListener offerUnitsListener;

    @BeforeAll
    static void caseTable() throws Exception {
        DataSource dataSource = TestDatabase.freshCaseTables("process-test-cases");
        jdbc = JdbcClient.create(dataSource);
        caseFiles = new CaseFileService(jdbc, new CaseNumbers(jdbc, new DataSourceTransactionManager(dataSource)));
        repeatCalls = new RepeatCalls(jdbc, Duration.ofDays(30));
        deadlineFacts = new DeadlineFacts(jdbc);
        RoutingTable routingTable = new RoutingTable(new RoutingProperties(
                new ClassPathResource("routing/routing-table.csv"), new ClassPathResource("routing/platforms.csv")));
        routingRules = new RoutingRules(routingTable);
        offerUnitsListener = new OfferUnitsListener(routingTable);
    }

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(THURSDAY_MORNING));
        Mocks.register("recordDeadlineListener", new RecordDeadlineListener(deadlineFacts));
        DeadlineProcesses deadlineProcesses = new DeadlineProcesses(deadlineFacts);
        Mocks.register("escalateOverdueDelegate", new EscalateOverdueDelegate(deadlineProcesses));
        Mocks.register("startReminderDelegate", new StartReminderDelegate(deadlineProcesses));
        Mocks.register("markOverdueDelegate", new MarkOverdueDelegate(deadlineFacts));
        Mocks.register("sendReminderDelegate", (JavaDelegate) execution -> reminders.add(
                execution.getVariable("deadline") + " to " + execution.getVariable("recipientGroup") + " due "
                        + execution.getVariable("dueAt")));
        Mocks.register("sendAcknowledgementDelegate", (JavaDelegate) execution -> consumerMails.add(
                "ACKNOWLEDGEMENT " + execution.getVariable("caseNumber")));
        Mocks.register("sendOutcomeDelegate", (JavaDelegate) execution -> consumerMails.add(
                "OUTCOME " + execution.getVariable("caseNumber") + " " + execution.getVariable("closure")));
        Mocks.register("sendOverdueNoticeDelegate", (JavaDelegate) execution -> overdueNotices.add(
                execution.getVariable("deadline") + " to " + execution.getVariable("recipientGroup") + " due "
                        + execution.getVariable("dueAt")));
        Mocks.register("openCaseFileDelegate", new OpenCaseFileDelegate(caseFiles, repeatCalls, new RegistrationLists()));
        Mocks.register("mergeCaseDelegate", new MergeCaseDelegate(repeatCalls));
        Mocks.register("recordRegistrationDelegate",
                new RecordRegistrationDelegate(new RegistrationService(new RegistrationLists()), caseFiles));
        Mocks.register("splitCaseDelegate", new SplitCaseDelegate(caseFiles));
        Mocks.register("routeCaseDelegate", new RouteCaseDelegate(routingRules, caseFiles));
        Mocks.register("assignUnitDelegate", new AssignUnitDelegate(routingRules, caseFiles));
        Mocks.register("offerUnitsListener", offerUnitsListener);
        Mocks.register("returnCaseDelegate", new ReturnCaseDelegate(caseFiles));
        Mocks.register("recordOutcomeDelegate", new RecordOutcomeDelegate(caseFiles));
        Mocks.register("recordRevisitDelegate", new RecordRevisitDelegate(caseFiles));
        Mocks.register("recordSupervisionDelegate", new RecordSupervisionDelegate(caseFiles));
        Mocks.register("closeCaseDelegate", new CloseCaseDelegate(caseFiles));
        Mocks.register("replyWorkOrderDelegate", (JavaDelegate) execution -> workOrderReplies.add(
                execution.getVariable("workOrderId") + " " + execution.getVariable("caseNumber") + " "
                        + execution.getVariable("closure")));
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void caseReceivedLateInTheUtcEveningIsNumberedAndTimedByTheShanghaiDay() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-28T23:30:00Z")));

        ProcessInstance caseProcess = startPhoneCase("310101");

        assertThat(caseNumberOf(caseProcess)).startsWith("SH20261129");
        assertThat(caseProcess).variables().containsEntry("receivedAt", "2026-11-29 07:30:00");
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().receivedAt())
                .isEqualTo(Instant.parse("2026-11-28T23:30:00Z"));
    }

    @Test
    void complaintIsRoutedToTheDistrictUnitHandledRevisitedAndClosedAsResolved() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        String caseNumber = caseNumberOf(caseProcess);
        assertThat(caseNumber).matches("SH\\d{8}\\d{6}");
        assertThat(caseProcess).hasBusinessKey(caseNumber).isWaitingAt("Task_RegisterCase");
        assertThat(task(caseProcess)).hasCandidateGroup("operators");

        register(caseProcess, "COMPLAINT");
        assertThat(caseProcess).isWaitingAt("Task_ContactConsumer")
                .variables().containsEntry("handlingUnit", "310101").containsEntry("routedTo", "UNIT");
        assertThat(task(caseProcess)).hasCandidateGroup("unit-310101");
        assertThat(caseFiles.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.WITH_UNIT);

        contactAndAccept(caseProcess);
        assertThat(caseProcess).isWaitingAt("Task_MediateComplaint");
        complete(task(caseProcess), Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "商家同意退款",
                "recoveredAmount", 1299));
        assertThat(caseProcess).isWaitingAt("Task_RevisitConsumer");
        assertThat(caseFiles.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.HANDLED);

        complete(task(caseProcess), Map.of("revisitResult", "SATISFIED", "revisitNote", "消费者已收到退款"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded().hasPassed("Task_CloseCase", "EndEvent_CaseClosed");
        CaseFile closed = caseFiles.find(caseNumber).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closure()).isEqualTo(Closure.RESOLVED);
        assertThat(closed.satisfaction()).isEqualTo("SATISFIED");
        assertThat(closed.handlingOutcome()).isEqualTo(
                new HandlingOutcome("MEDIATED_AGREEMENT", "商家同意退款", null, new BigDecimal("1299.00")));
        assertThat(closed.closedAt()).isNotNull();
        assertThat(consumerMails).containsExactly("ACKNOWLEDGEMENT " + caseNumber, "OUTCOME " + caseNumber + " RESOLVED");
    }

    @Test
    void consultationIsAnsweredAtRegistrationAndClosed() {
        ProcessInstance caseProcess = startPhoneCase("310101");

        complete(task(caseProcess), Map.of("caseType", "CONSULTATION", "category", "PREPAID_CARD",
                "answer", "预付卡退费可依据《上海市单用途预付消费卡管理规定》主张。"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded().hasPassed("Task_CloseCase").hasNotPassed("Task_RecordOutcome", "Task_RouteCase");
        CaseFile closed = caseFiles.find(caseNumberOf(caseProcess)).orElseThrow();
        assertThat(closed.closure()).isEqualTo(Closure.ANSWERED);
        assertThat(closed.answer()).startsWith("预付卡退费");
    }

    @Test
    void consultationWithoutAnAnswerCannotBeRegistered() {
        ProcessInstance caseProcess = startPhoneCase("310101");

        assertThatThrownBy(() -> complete(task(caseProcess), Map.of("caseType", "CONSULTATION", "category", "OTHER")))
                .hasMessageContaining("answer");
        assertThat(caseProcess).isWaitingAt("Task_RegisterCase");
    }

    @Test
    void caseOnTheNegativeListIsNotAcceptedAndTheConsumerIsTold() {
        ProcessInstance caseProcess = startPhoneCase("310101");

        complete(task(caseProcess), Map.of("caseType", "COMPLAINT", "category", "FOOD", "notAcceptedGround", "OVER_THREE_YEARS"));
        assertThat(caseProcess).isWaitingAt("Task_InformNotAccepted");
        assertThat(task(caseProcess)).hasCandidateGroup("operators");
        complete(task(caseProcess), Map.of("informMethod", "PHONE", "informNote", "已电话告知"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded().hasNotPassed("Task_RouteCase");
        CaseFile closed = caseFiles.find(caseNumberOf(caseProcess)).orElseThrow();
        assertThat(closed.closure()).isEqualTo(Closure.NOT_ACCEPTED);
        assertThat(closed.informedBy()).isEqualTo("PHONE");
        assertThat(closed.notAcceptedGround()).isEqualTo("OVER_THREE_YEARS");
    }

    @Test
    void repeatCallerMergedIntoTheLinkedOpenCaseClosesAsMergedAndTheOpenCaseGoesOn() {
        // Given an open case, and a second call from the same phone about a differently named respondent
        ProcessInstance first = startCallFrom("13900000001", "静安某健身房");
        ProcessInstance repeat = startCallFrom("139 0000 0001", "静安某健身房有限公司");
        String firstNumber = caseNumberOf(first);
        String repeatNumber = caseNumberOf(repeat);
        assertThat(first).variables().containsEntry("repeatCall", false);
        assertThat(repeat).variables().containsEntry("repeatCall", true);
        assertThat(json(repeat, "repeatCallCases")).contains("\"caseNumber\":\"" + firstNumber + "\"")
                .contains("同一来电号码").contains("已受理，待登记").contains("静安某健身房").contains("（未登记）")
                .doesNotContain("王芳").doesNotContain("13900000001").doesNotContain("年卡");
        assertThat(json(repeat, "mergeOptions")).contains("\"value\":\"" + firstNumber + "\"");

        // When the operator merges it into the open case
        complete(task(repeat), Map.of("caseType", "COMPLAINT", "category", "CULTURE_SPORTS", "mergeInto", firstNumber));

        // Then it closes as merged, linked to that case, and the consumer is told; the open case waits as before
        deliverConsumerMails(repeat);
        assertThat(repeat).isEnded().hasPassed("Task_MergeCase", "Task_CloseCase").hasNotPassed("Task_RouteCase");
        assertThat(caseFiles.find(repeatNumber).orElseThrow().closure()).isEqualTo(Closure.MERGED);
        assertThat(mergedInto(repeatNumber)).isEqualTo(firstNumber);
        assertThat(consumerMails).contains("OUTCOME " + repeatNumber + " MERGED");
        assertThat(first).isWaitingAt("Task_RegisterCase");
        assertThat(caseFiles.find(firstNumber).orElseThrow().status()).isEqualTo(CaseStatus.RECEIVED);

        // and the open case's task tells its handler, with the merged case's facts
        assertThat(taskService().getTaskComments(task(first).getId())).singleElement()
                .satisfies(comment -> assertThat(comment.getFullMessage()).contains(repeatNumber)
                        .contains("办的年卡未到期，门店突然停业，无法退费。"));
    }

    @Test
    void repeatCallCannotBeMergedIntoTheLinkedCaseOnceThatClosed() {
        // Given a repeat call, and its linked case answered and closed meanwhile
        ProcessInstance first = startCallFrom("13900000005", "徐汇某培训机构");
        ProcessInstance repeat = startCallFrom("13900000005", "徐汇某培训机构");
        complete(task(first), Map.of("caseType", "CONSULTATION", "category", "EDUCATION_TRAINING",
                "answer", "已告知退费途径"));
        assertThat(caseFiles.find(caseNumberOf(first)).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);

        // When the operator merges into it, then it is refused and the repeat call waits to be registered
        assertMergeRefused(repeat, first, "closed");
    }

    @Test
    void repeatCallCannotBeMergedIntoAnOpenCaseWhoseProcessWasEndedByHand() {
        // Given a repeat call, and its linked case's process ended in Cockpit while the case row stayed open
        ProcessInstance first = startCallFrom("13900000006", "长宁某家政公司");
        ProcessInstance repeat = startCallFrom("13900000006", "长宁某家政公司");
        runtimeService().deleteProcessInstance(first.getId(), "ended by hand");

        // When the operator merges into it, then it is refused, since no one would learn of the merge
        assertMergeRefused(repeat, first, "no task");
    }

    @Test
    void repeatCallerKeptAsACaseOfItsOwnIsForwardedAsUsualAndStaysFlagged() {
        // Given an open case, and a call from another phone by the same complainant about the same respondent
        startCallFrom("13900000002", "普陀某美容院");
        ProcessInstance repeat = startCallFrom("13911112222", "普陀 某美容院");
        assertThat(json(repeat, "repeatCallCases")).contains("同一诉求人和经营者");

        // When the operator registers it without merging
        register(repeat, "COMPLAINT");

        // Then
        assertThat(repeat).isWaitingAt("Task_ContactConsumer").hasNotPassed("Task_MergeCase");
        assertThat(caseFiles.find(caseNumberOf(repeat)).orElseThrow().status()).isEqualTo(CaseStatus.WITH_UNIT);
        assertThat(mergedInto(caseNumberOf(repeat))).isNull();
        assertThat(jdbc.sql("select repeat_call from case_file where case_number = ?").param(caseNumberOf(repeat))
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void repeatCallCannotBeMergedIntoACaseItWasNotLinkedTo() {
        // Given a repeat call, and an open case of another caller
        ProcessInstance otherCallersCase = startCallFrom("13900000003", "宝山某超市");
        startCallFrom("13900000004", "嘉定某餐厅");
        ProcessInstance repeat = startCallFrom("13900000004", "嘉定某餐厅");

        // When the operator merges it into the other caller's case, then it is refused and nothing is recorded
        assertMergeRefused(repeat, otherCallersCase, caseNumberOf(otherCallersCase));
    }

    @Test
    void complaintAndReportBecomeTwoLinkedCasesEachWithItsOwnLifecycle() {
        ProcessInstance complaint = startPhoneCase("310115");
        String complaintNumber = caseNumberOf(complaint);

        register(complaint, "COMPLAINT_AND_REPORT");

        ProcessInstance report = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("case-lifecycle").variableValueEquals("linkedCaseNumber", complaintNumber)
                .singleResult();
        String reportNumber = caseNumberOf(report);
        assertThat(reportNumber).isNotEqualTo(complaintNumber);
        assertThat(complaint).isWaitingAt("Task_ContactConsumer").variables()
                .containsEntry("caseType", "COMPLAINT").containsEntry("linkedCaseNumber", reportNumber);
        assertThat(report).hasBusinessKey(reportNumber).hasPassed("StartEvent_SplitCaseReceived")
                .isWaitingAt("Task_ContactConsumer").variables().containsEntry("caseType", "REPORT");
        assertThat(caseFiles.find(reportNumber).orElseThrow().linkedCaseNumber()).isEqualTo(complaintNumber);
        assertThat(caseFiles.find(complaintNumber).orElseThrow().linkedCaseNumber()).isEqualTo(reportNumber);
        assertThat(caseFiles.find(reportNumber).orElseThrow().processInstanceId()).isEqualTo(report.getId());

        contactAndAccept(report);
        assertThat(report).isWaitingAt("Task_VerifyReport");
        complete(task(report), Map.of("handlingOutcome", "CASE_OPENED", "outcomeNote", "已立案调查"));
        assertThat(report).isWaitingAt("Task_InformReporter");
        complete(task(report), Map.of("reporterInformMethod", "PHONE", "reporterInformNote", "已电话告知举报人"));
        complete(task(report), Map.of("revisitResult", "VERY_SATISFIED"));
        deliverConsumerMails(report);
        assertThat(report).isEnded();
        assertThat(complaint).isWaitingAt("Task_ContactConsumer");
    }

    @Test
    void caseThatRoutingCannotPlaceGoesToADispatcherWhoPicksTheUnit() {
        ProcessInstance caseProcess = startPhoneCase(null);
        register(caseProcess, "COMPLAINT");

        assertThat(caseProcess).isWaitingAt("Task_DispatchCase");
        assertThat(task(caseProcess)).hasCandidateGroup("dispatchers");
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().status())
                .isEqualTo(CaseStatus.AWAITING_DISPATCH);
        String offeredUnits = runtimeService().getVariableTyped(caseProcess.getId(), "unitOptions").getValue()
                .toString();
        assertThat(offeredUnits).contains("{\"label\":\"静安区市场监督管理局\",\"value\":\"310106\"}")
                .contains("\"value\":\"310115-ljz\"");
        complete(task(caseProcess), Map.of("handlingUnit", "310106", "dispatchNote", "据地址判断为静安区"));

        assertThat(caseProcess).isWaitingAt("Task_ContactConsumer").variables().doesNotContainKey("unitOptions");
        assertThat(task(caseProcess)).hasCandidateGroup("unit-310106");
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().handlingUnit()).isEqualTo("310106");
    }

    @Test
    void dispatcherCannotForwardToAnUnknownUnit() {
        ProcessInstance caseProcess = startPhoneCase(null);
        register(caseProcess, "COMPLAINT");

        assertThatThrownBy(() -> complete(task(caseProcess), Map.of("handlingUnit", "999999")))
                .hasMessageContaining("999999");
        assertThat(caseProcess).isWaitingAt("Task_DispatchCase");
    }

    @Test
    void unitWithoutJurisdictionReturnsTheCaseToTheDispatcherNotToAnotherUnit() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        complete(task(caseProcess), Map.of("contactResult", "REACHED"));

        complete(task(caseProcess), Map.of("acceptanceDecision", "NO_JURISDICTION", "acceptanceNote", "实际经营地在徐汇区"));

        assertThat(caseProcess).isWaitingAt("Task_DispatchCase").hasPassed("Task_ReturnCase");
        assertThat(task(caseProcess)).hasCandidateGroup("dispatchers");
        assertThat(caseProcess).variables().doesNotContainKey("handlingUnit").doesNotContainKey("acceptanceDecision")
                .containsEntry("returnReason", "黄浦区市场监督管理局退回：实际经营地在徐汇区");
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().status())
                .isEqualTo(CaseStatus.AWAITING_DISPATCH);
    }

    @Test
    void unitRejectsAComplaintOnAnArticle15GroundAndTheCaseCloses() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        complete(task(caseProcess), Map.of("contactResult", "REACHED"));

        complete(task(caseProcess), Map.of("acceptanceDecision", "REJECT", "rejectGround", "NOT_LIVING_CONSUMPTION",
                "informMethod", "PHONE", "acceptanceNote", "购买用于经营，已电话告知"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded().hasNotPassed("Task_MediateComplaint", "Task_RevisitConsumer");
        CaseFile closed = caseFiles.find(caseNumberOf(caseProcess)).orElseThrow();
        assertThat(closed.closure()).isEqualTo(Closure.REJECTED_BY_UNIT);
        assertThat(closed.notAcceptedGround()).isEqualTo("NOT_LIVING_CONSUMPTION");
        assertThat(closed.informedBy()).isEqualTo("PHONE");
    }

    @Test
    void dissatisfiedConsumerSendsTheCaseBackToTheSameUnitUnderSupervisionAtMostTwice() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "NO_AGREEMENT", "outcomeNote", "双方分歧较大"));
        complete(task(caseProcess), Map.of("mediationEndInformMethod", "LETTER", "mediationEndInformNote", "已书面告知双方"));

        for (int round = 1; round <= 2; round++) {
            complete(task(caseProcess), Map.of("revisitResult", "DISSATISFIED", "revisitNote", "对处理结果不满意"));
            assertThat(caseProcess).isWaitingAt("Task_SuperviseCase");
            assertThat(task(caseProcess)).hasCandidateGroup("supervisors");
            complete(task(caseProcess), Map.of("supervisionNote", "请重新调解并于三日内反馈"));

            assertThat(caseProcess).isWaitingAt("Task_MediateComplaint").variables()
                    .containsEntry("supervisionRounds", round);
            assertThat(task(caseProcess)).hasCandidateGroup("unit-310101");
            complete(task(caseProcess), Map.of("handlingOutcome", "NO_AGREEMENT", "outcomeNote", "再次调解未果"));
            assertThat(caseProcess).isWaitingAt("Task_NotifyMediationEnded");
            complete(task(caseProcess), Map.of("mediationEndInformMethod", "LETTER", "mediationEndInformNote", "已书面告知双方"));
        }
        complete(task(caseProcess), Map.of("revisitResult", "DISSATISFIED"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded();
        CaseFile closed = caseFiles.find(caseNumberOf(caseProcess)).orElseThrow();
        assertThat(closed.closure()).isEqualTo(Closure.DISSATISFIED);
        assertThat(closed.supervisionRounds()).isEqualTo(2);
    }

    @Test
    void reportRehandledAfterSupervisionIsVerifiedAgainAndClosesWhenTheConsumerIsSatisfied() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "REPORT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "CASE_NOT_OPENED", "outcomeNote", "未发现违法行为"));
        complete(task(caseProcess), Map.of("reporterInformMethod", "PHONE", "reporterInformNote", "已电话告知举报人"));
        complete(task(caseProcess), Map.of("revisitResult", "DISSATISFIED"));
        complete(task(caseProcess), Map.of("supervisionNote", "请补充现场检查"));

        assertThat(caseProcess).isWaitingAt("Task_VerifyReport");
        complete(task(caseProcess), Map.of("handlingOutcome", "CASE_OPENED", "outcomeNote", "复查后立案"));
        complete(task(caseProcess), Map.of("reporterInformMethod", "PHONE", "reporterInformNote", "已电话告知举报人"));
        assertThat(caseProcess).variables().doesNotContainKey("revisitResult");
        complete(task(caseProcess), Map.of("revisitResult", "NEUTRAL"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded();
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().closure()).isEqualTo(Closure.RESOLVED);
    }

    @Test
    void unreachableConsumerIsCalledThreeTimesThenTheCaseClosesAsUnreachable() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "达成协议"));

        for (int attempt = 1; attempt <= 2; attempt++) {
            complete(task(caseProcess), Map.of("revisitResult", "UNREACHABLE", "revisitNote", "无人接听"));
            assertThat(caseProcess).isWaitingAt("Task_RevisitConsumer").variables()
                    .containsEntry("revisitAttempts", attempt)
                    .doesNotContainKeys("revisitResult", "revisitNote");
        }
        complete(task(caseProcess), Map.of("revisitResult", "UNREACHABLE", "revisitNote", "无人接听"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded().hasNotPassed("Task_SuperviseCase");
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().closure()).isEqualTo(Closure.UNREACHABLE);
    }

    @Test
    void revisitAfterASupervisionRoundHasItsFullNumberOfCallsAgain() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "NO_AGREEMENT", "outcomeNote", "未达成协议"));
        complete(task(caseProcess), Map.of("mediationEndInformMethod", "LETTER", "mediationEndInformNote", "已书面告知双方"));
        complete(task(caseProcess), Map.of("revisitResult", "UNREACHABLE"));
        complete(task(caseProcess), Map.of("revisitResult", "UNREACHABLE"));
        complete(task(caseProcess), Map.of("revisitResult", "DISSATISFIED", "revisitNote", "不满意"));
        complete(task(caseProcess), Map.of("supervisionNote", "请重新调解"));

        complete(task(caseProcess), Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "达成协议"));
        for (int attempt = 1; attempt <= 2; attempt++) {
            complete(task(caseProcess), Map.of("revisitResult", "UNREACHABLE"));
            assertThat(caseProcess).isWaitingAt("Task_RevisitConsumer");
        }
        complete(task(caseProcess), Map.of("revisitResult", "SATISFIED"));

        deliverConsumerMails(caseProcess);
        assertThat(caseProcess).isEnded();
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().closure()).isEqualTo(Closure.RESOLVED);
    }

    @Test
    void registrationIsDueTheSameWorkingDayRemindsOperatorsAt16AndEscalatesAfterwards() {
        ProcessInstance caseProcess = startPhoneCase("310101");

        assertThat(task(caseProcess)).hasDueDate(at("2026-11-26T15:59:59Z"));
        passDeadline(caseProcess, "Registration", "REGISTRATION", "operators",
                "2026-11-26T08:00:00Z", "2026-11-26T15:59:59Z");
    }

    @Test
    void consumerMustBeToldWithinSevenWorkingDaysThatTheCaseIsNotAccepted() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        complete(task(caseProcess), Map.of("caseType", "COMPLAINT", "category", "FOOD", "notAcceptedGround",
                "MISSING_DETAILS"));

        assertThat(task(caseProcess)).hasDefinitionKey("Task_InformNotAccepted").hasDueDate(at("2026-12-07T15:59:59Z"));
        passDeadline(caseProcess, "NotAcceptedNotice", "NOT_ACCEPTED_NOTICE", "operators",
                "2026-12-04T01:00:00Z", "2026-12-07T15:59:59Z");
    }

    @Test
    void reminderMailStillWaitingForItsServerNeverHoldsUpTheCase() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        ClockUtil.setCurrentTime(at("2026-11-26T08:00:00Z"));
        execute(timer(caseProcess, "Timer_FirstContactReminder"));

        contactAndAccept(caseProcess);

        assertThat(caseProcess).isWaitingAt("Task_MediateComplaint");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("deadline-reminder")
                .processInstanceBusinessKey(caseNumberOf(caseProcess)).singleResult()).isWaitingAt("Task_SendReminder");
    }

    @Test
    void firstContactIsDueTheSameWorkingDayTheUnitReceivesTheCase() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");

        assertThat(task(caseProcess)).hasDueDate(at("2026-11-26T15:59:59Z"));
        passDeadline(caseProcess, "FirstContact", "FIRST_CONTACT", "unit-310101",
                "2026-11-26T08:00:00Z", "2026-11-26T15:59:59Z");
    }

    @Test
    void acceptanceIsDueSevenWorkingDaysAfterTheUnitReceivedTheCaseHoweverLongContactTook() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        ClockUtil.setCurrentTime(at("2026-11-30T02:00:00Z"));
        complete(task(caseProcess), Map.of("contactResult", "REACHED"));

        assertThat(task(caseProcess)).hasDefinitionKey("Task_DecideAcceptance").hasDueDate(at("2026-12-07T15:59:59Z"));
        passDeadline(caseProcess, "Acceptance", "ACCEPTANCE", "unit-310101",
                "2026-12-04T01:00:00Z", "2026-12-07T15:59:59Z");
    }

    @Test
    void tvProgrammeTransferMustBeAcceptedWithinOneWorkingDay() {
        ProcessInstance caseProcess = startCase("TV_315", "310101");
        register(caseProcess, "COMPLAINT");
        assertThat(task(caseProcess)).hasCandidateGroup("unit-12315-315");
        complete(task(caseProcess), Map.of("contactResult", "REACHED"));

        assertThat(task(caseProcess)).hasDueDate(at("2026-11-27T15:59:59Z"));
    }

    @Test
    void tvProgrammeTransfersComeFirstInEveryQueue() {
        ProcessInstance transfer = startCase("TV_315", "310101");
        ProcessInstance phoneCase = startPhoneCase("310101");

        assertThat(task(transfer).getPriority()).isEqualTo(80);
        assertThat(task(phoneCase).getPriority()).isEqualTo(50);
        register(transfer, "COMPLAINT");
        assertThat(task(transfer)).hasDefinitionKey("Task_ContactConsumer");
        assertThat(task(transfer).getPriority()).isEqualTo(80);
    }

    @Test
    void workOrderOf12345IsAnsweredWhenItsCaseClosesAndOtherCasesAreNot() {
        ProcessInstance workOrder = startWorkOrder("GD-20261126-0001", "2027-01-29T10:00:00Z");
        ProcessInstance phoneCase = startPhoneCase("310101");
        for (ProcessInstance caseProcess : List.of(workOrder, phoneCase)) {
            register(caseProcess, "COMPLAINT");
            contactAndAccept(caseProcess);
            complete(task(caseProcess), Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "商家同意退款"));
            complete(task(caseProcess), Map.of("revisitResult", "SATISFIED"));
        }

        assertThat(workOrder).isWaitingAt("Task_SendOutcome", "Task_ReplyWorkOrder");
        assertThat(phoneCase).hasPassed("EndEvent_NoWorkOrder").isWaitingAt("Task_SendOutcome");
        deliverConsumerMails(workOrder);
        deliverConsumerMails(phoneCase);

        assertThat(workOrder).isEnded().hasPassed("EndEvent_CaseClosed", "EndEvent_WorkOrderReplied");
        assertThat(phoneCase).isEnded().hasNotPassed("Task_ReplyWorkOrder");
        assertThat(workOrderReplies).containsExactly("GD-20261126-0001 " + caseNumberOf(workOrder) + " RESOLVED");
    }

    @Test
    void reportSplitOffAWorkOrderKeepsItsDeadlineButSendsNoSecondReply() {
        ProcessInstance complaint = startWorkOrder("GD-20261126-0002", "2026-12-02T10:00:00Z");

        register(complaint, "COMPLAINT_AND_REPORT");

        ProcessInstance report = runtimeService().createProcessInstanceQuery()
                .variableValueEquals("linkedCaseNumber", caseNumberOf(complaint)).singleResult();
        assertThat(complaint).variables().containsEntry("workOrderId", "GD-20261126-0002");
        assertThat(report).variables().doesNotContainKey("workOrderId")
                .containsEntry("workOrderDueAt", "2026-12-02T10:00:00Z");
    }

    @Test
    void workOrderDeadlineStricterThanTheCentresOwnBoundsTheStepAndItsReminder() {
        // due Wednesday 2026-12-02 18:00 in Shanghai, before the 7 working days of acceptance end on Monday 12-07
        ProcessInstance caseProcess = startWorkOrder("GD-20261126-0003", "2026-12-02T10:00:00Z");
        register(caseProcess, "COMPLAINT");
        complete(task(caseProcess), Map.of("contactResult", "REACHED"));

        assertThat(task(caseProcess)).hasDefinitionKey("Task_DecideAcceptance").hasDueDate(at("2026-12-02T10:00:00Z"));
        passDeadline(caseProcess, "Acceptance", "ACCEPTANCE", "unit-310101",
                "2026-12-01T01:00:00Z", "2026-12-02T10:00:00Z");
    }

    @Test
    void workOrderEnteredInTheStartFormKeepsItsDeadlineAsAnInstant() {
        ProcessInstance caseProcess = startWorkOrder("GD-20261126-0005", "2026-12-02T18:00+08:00");

        assertThat(caseProcess).variables().containsEntry("workOrderDueAt", "2026-12-02T10:00:00Z")
                .containsEntry("workOrderId", "GD-20261126-0005");
    }

    @Test
    void transferFrom12345WithoutItsWorkOrderOrASecondCaseForTheSameOrderIsRefused() {
        startWorkOrder("GD-20261126-0006", "2026-12-02T10:00:00Z");

        assertThatThrownBy(() -> startCase("HOTLINE_12345", "310101")).hasMessageContaining("12345 转办须有工单号和办理期限");
        assertThatThrownBy(() -> startWorkOrder("GD-20261126-0006", "2026-12-02T10:00:00Z"))
                .hasMessageContaining("GD-20261126-0006 已受理为案件 SH2026112");
    }

    @Test
    void workOrderDueTheSameEveningBringsRegistrationForwardAndKeepsItsEarlierReminder() {
        // received Thursday 10:00, the work order due Thursday 18:00: before the end of the day registration has
        ProcessInstance caseProcess = startWorkOrder("GD-20261126-0007", "2026-11-26T10:00:00Z");

        assertThat(task(caseProcess)).hasDefinitionKey("Task_RegisterCase").hasDueDate(at("2026-11-26T10:00:00Z"));
        assertThat(timer(caseProcess, "Timer_RegistrationDue").getDuedate()).isEqualTo(at("2026-11-26T10:00:00Z"));
        assertThat(timer(caseProcess, "Timer_RegistrationReminder").getDuedate()).isEqualTo(at("2026-11-26T08:00:00Z"));
    }

    @Test
    void stepStartingAfterTheWorkOrderFellDueIsOverdueAtOnceWithoutAReminder() {
        ProcessInstance caseProcess = startWorkOrder("GD-20261126-0008", "2026-11-27T02:00:00Z");
        register(caseProcess, "COMPLAINT");
        ClockUtil.setCurrentTime(at("2026-11-27T03:00:00Z"));

        contactAndAccept(caseProcess);

        assertThat(task(caseProcess)).hasDefinitionKey("Task_MediateComplaint").hasDueDate(at("2026-11-27T02:00:00Z"));
        assertThat(timer(caseProcess, "Timer_MediationDue").getDuedate()).isEqualTo(at("2026-11-27T02:00:00Z"));
        assertThat(timer(caseProcess, "Timer_MediationReminder")).isNull();
    }

    @Test
    void dispatcherMustForwardAWorkOrderByItsDeadline() {
        ProcessInstance caseProcess = startCase("HOTLINE_12345", null, Map.of("externalReference", "GD-20261126-0009",
                "workOrderDueAt", "2026-12-02T10:00:00Z"));
        register(caseProcess, "COMPLAINT");

        assertThat(task(caseProcess)).hasDefinitionKey("Task_DispatchCase").hasDueDate(at("2026-12-02T10:00:00Z"));
    }

    @Test
    void onlyA12345TransferWithADeadlineStillAheadMayBringOne() {
        assertThatThrownBy(() -> startCase("PHONE", "310101", Map.of("workOrderDueAt", "2026-12-02T10:00:00Z")))
                .hasMessageContaining("只有 12345 转办带办理期限");
        assertThatThrownBy(() -> startWorkOrder("GD-20261126-0010", "2026-11-26T01:00:00Z"))
                .hasMessageContaining("办理期限已过");
        assertThatThrownBy(() -> startWorkOrder("GD-20261126-0011", "2026-12-02"))
                .hasMessageContaining("应为带时区的时间");
    }

    @Test
    void centresOwnDeadlineStricterThanTheWorkOrdersIsKept() {
        ProcessInstance caseProcess = startWorkOrder("GD-20261126-0004", "2026-12-02T10:00:00Z");

        assertThat(task(caseProcess)).hasDefinitionKey("Task_RegisterCase").hasDueDate(at("2026-11-26T15:59:59Z"));
        assertThat(timer(caseProcess, "Timer_RegistrationReminder").getDuedate()).isEqualTo(at("2026-11-26T08:00:00Z"));
    }

    @Test
    void mediationIsDueFortyFiveWorkingDaysAfterAcceptanceNotCountingNationalDay() {
        ClockUtil.setCurrentTime(at("2026-09-24T02:00:00Z"));
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        contactAndAccept(caseProcess);

        assertThat(task(caseProcess)).hasDefinitionKey("Task_MediateComplaint").hasDueDate(at("2026-12-03T15:59:59Z"));
        passDeadline(caseProcess, "Mediation", "MEDIATION", "unit-310101",
                "2026-11-26T01:00:00Z", "2026-12-03T15:59:59Z");
    }

    @Test
    void reportVerificationIsDueInFifteenWorkingDays() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "REPORT");
        contactAndAccept(caseProcess);

        assertThat(task(caseProcess)).hasDefinitionKey("Task_VerifyReport").hasDueDate(at("2026-12-17T15:59:59Z"));
        passDeadline(caseProcess, "Verification", "VERIFICATION", "unit-310101",
                "2026-12-15T01:00:00Z", "2026-12-17T15:59:59Z");
    }

    @Test
    void bothPartiesMustBeToldWithinSevenWorkingDaysThatMediationEnded() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "TERMINATED", "terminationReason", "被投诉人已歇业",
                "outcomeNote", "终止调解"));

        assertThat(task(caseProcess)).hasDefinitionKey("Task_NotifyMediationEnded")
                .hasCandidateGroup("unit-310101").hasDueDate(at("2026-12-07T15:59:59Z"));
        passDeadline(caseProcess, "MediationEnded", "MEDIATION_ENDED", "unit-310101",
                "2026-12-04T01:00:00Z", "2026-12-07T15:59:59Z");
    }

    @Test
    void realNameReporterMustBeToldTheDecisionWithinFiveWorkingDays() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "REPORT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "CASE_OPENED", "outcomeNote", "已立案"));

        assertThat(task(caseProcess)).hasDefinitionKey("Task_InformReporter").hasDueDate(at("2026-12-03T15:59:59Z"));
        passDeadline(caseProcess, "ReporterInformed", "REPORTER_INFORMED", "unit-310101",
                "2026-12-02T01:00:00Z", "2026-12-03T15:59:59Z");
    }

    @Test
    void anonymousReportIsRevisitedWithoutTellingAReporter() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "REPORT");
        complete(task(caseProcess), Map.of("contactResult", "ANONYMOUS"));
        complete(task(caseProcess), Map.of("acceptanceDecision", "ACCEPT"));
        complete(task(caseProcess), Map.of("handlingOutcome", "CASE_NOT_OPENED", "outcomeNote", "未发现违法行为"));

        assertThat(caseProcess).isWaitingAt("Task_RevisitConsumer").hasNotPassed("Task_InformReporter");
    }

    @Test
    void reportVerificationCountsFromTheUnitsReceiptNotFromTheAcceptanceDecision() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "REPORT");
        ClockUtil.setCurrentTime(at("2026-11-30T02:00:00Z"));
        complete(task(caseProcess), Map.of("contactResult", "REACHED"));
        complete(task(caseProcess), Map.of("acceptanceDecision", "ACCEPT"));

        assertThat(task(caseProcess)).hasDefinitionKey("Task_VerifyReport").hasDueDate(at("2026-12-17T15:59:59Z"));
    }

    @Test
    void reportSentBackUnderSupervisionGetsAFreshVerificationPeriod() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "REPORT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "CASE_NOT_OPENED", "outcomeNote", "未发现违法行为"));
        complete(task(caseProcess), Map.of("reporterInformMethod", "PHONE", "reporterInformNote", "已告知"));
        ClockUtil.setCurrentTime(at("2027-03-01T02:00:00Z"));
        complete(task(caseProcess), Map.of("revisitResult", "DISSATISFIED"));

        complete(task(caseProcess), Map.of("supervisionNote", "请重新核查"));

        // 15 working days from Monday 2027-03-01 (no 2027 schedule yet: Monday to Friday)
        assertThat(task(caseProcess)).hasDefinitionKey("Task_VerifyReport").hasDueDate(at("2027-03-22T15:59:59Z"));
    }

    @Test
    void revisitIsDueThreeWorkingDaysAfterTheOutcome() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        register(caseProcess, "COMPLAINT");
        contactAndAccept(caseProcess);
        complete(task(caseProcess), Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "达成协议"));

        assertThat(task(caseProcess)).hasDefinitionKey("Task_RevisitConsumer").hasDueDate(at("2026-12-01T15:59:59Z"));
        passDeadline(caseProcess, "Revisit", "REVISIT", "operators", "2026-11-30T01:00:00Z", "2026-12-01T15:59:59Z");
    }

    @Test
    void stepFinishedInTimeIsRecordedWithItsDueDateAndNotOverdue() {
        ProcessInstance caseProcess = startPhoneCase("310101");
        ClockUtil.setCurrentTime(at("2026-11-26T03:00:00Z"));
        register(caseProcess, "COMPLAINT");

        assertThat(deadlineFacts.of(caseNumberOf(caseProcess))).first().isEqualTo(new DeadlineFact("REGISTRATION",
                THURSDAY_MORNING, at("2026-11-26T15:59:59Z").toInstant(), at("2026-11-26T03:00:00Z").toInstant(),
                null));
        assertThat(caseFiles.find(caseNumberOf(caseProcess)).orElseThrow().overdue()).isFalse();
    }

    /**
     * Moves the clock past the step's reminder and deadline: the reminder goes to the group that must act, the
     * deadline marks the step and the case overdue, tells that group and the supervisors, and gives the
     * supervisors a supervision task, while the case itself stays where it was.
     */
    private void passDeadline(ProcessInstance caseProcess, String step, String deadline, String group,
            String reminderAt, String dueAt) {
        String caseNumber = caseNumberOf(caseProcess);
        String waitingAt = task(caseProcess).getTaskDefinitionKey();

        Job reminder = timer(caseProcess, "Timer_" + step + "Reminder");
        assertThat(reminder.getDuedate()).isEqualTo(at(reminderAt));
        ClockUtil.setCurrentTime(at(reminderAt));
        execute(reminder);
        ProcessInstance reminderMail = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("deadline-reminder").processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(reminderMail).isWaitingAt("Task_SendReminder");
        runAsynchronousSteps(reminderMail);
        assertThat(reminders).containsExactly(deadline + " to " + group + " due " + dueAt);
        assertThat(reminderMail).isEnded();
        assertThat(caseFiles.find(caseNumber).orElseThrow().overdue()).isFalse();

        Job due = timer(caseProcess, "Timer_" + step + "Due");
        assertThat(due.getDuedate()).isEqualTo(at(dueAt));
        ClockUtil.setCurrentTime(at(dueAt));
        execute(due);

        ProcessInstance escalation = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("overdue-escalation").processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(escalation).isWaitingAt("Task_NotifyOverdue");
        assertThat(caseFiles.find(caseNumber).orElseThrow().overdue()).isTrue();
        assertThat(deadlineFacts.of(caseNumber)).filteredOn(fact -> fact.deadline().equals(deadline))
                .singleElement().satisfies(fact -> assertThat(fact.overdueAt()).isEqualTo(at(dueAt).toInstant()));
        runAsynchronousSteps(escalation);
        assertThat(overdueNotices).containsExactly(deadline + " to " + group + " due " + dueAt);
        assertThat(escalation).isWaitingAt("Task_SuperviseOverdue").task().hasCandidateGroup("supervisors");
        complete(task(escalation), Map.of("overdueSupervisionNote", "请承办单位今日内办结"));
        assertThat(escalation).isEnded();
        assertThat(caseProcess).isWaitingAt(waitingAt);
    }

    /** Runs the asynchronous mail steps to the consumer (receipt, outcome) that are waiting for the job executor. */
    private static void deliverConsumerMails(ProcessInstance caseProcess) {
        runAsynchronousSteps(caseProcess);
    }

    /**
     * Runs the process's waiting asynchronous continuations (not its timers) until none is left, in the order they
     * were created, as the job executor would: the engine's ids here are numbers, which the database returns in text
     * order (MySQL lists "10012" before "9987") and the clock stands still, so creation times tie.
     */
    private static void runAsynchronousSteps(ProcessInstance process) {
        List<Job> steps;
        while (!(steps = managementService().createJobQuery().processInstanceId(process.getId()).list().stream()
                .filter(job -> job.getDuedate() == null)
                .sorted(Comparator.comparingLong(job -> Long.parseLong(job.getId()))).toList()).isEmpty()) {
            steps.forEach(job -> execute(job));
        }
    }

    private static Job timer(ProcessInstance caseProcess, String timerId) {
        return managementService().createJobQuery().processInstanceId(caseProcess.getId()).activityId(timerId)
                .singleResult();
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private static ProcessInstance startPhoneCase(String respondentDistrict) {
        return startCase("PHONE", respondentDistrict);
    }

    private static ProcessInstance startCase(String channel, String respondentDistrict) {
        return startCase(channel, respondentDistrict, Map.of());
    }

    private static ProcessInstance startCase(String channel, String respondentDistrict, Map<String, Object> more) {
        Map<String, Object> facts = new HashMap<>(more);
        facts.put("channel", channel);
        facts.put("complainantName", "李明");
        facts.put("complainantPhone", "13812345678");
        facts.put("complainantAddress", "上海市黄浦区人民大道200号");
        facts.put("respondentName", "某某电器商行");
        facts.put("respondentAddress", "上海市黄浦区南京东路100号");
        facts.put("respondentDistrict", respondentDistrict);
        facts.put("description", "购买的电饭煲使用一周后无法加热，商家拒绝退换。");
        facts.put("claim", "退货退款");
        facts.put("amount", 1299);
        return runtimeService().startProcessInstanceByKey("case-lifecycle", facts);
    }

    /** A 12345 work order as the intake API starts it: the order's id is its external reference. */
    private static ProcessInstance startWorkOrder(String workOrderId, String workOrderDueAt) {
        return startCase("HOTLINE_12345", "310101", Map.of("externalReference", workOrderId,
                "workOrderDueAt", workOrderDueAt));
    }

    /** A phone call from 王芳 about a respondent in Jing'an; each test's own phones and respondents keep it apart. */
    private static ProcessInstance startCallFrom(String phone, String respondentName) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("channel", "PHONE");
        facts.put("complainantName", "王芳");
        facts.put("complainantPhone", phone);
        facts.put("respondentName", respondentName);
        facts.put("respondentDistrict", "310106");
        facts.put("description", "办的年卡未到期，门店突然停业，无法退费。");
        return runtimeService().startProcessInstanceByKey("case-lifecycle", facts);
    }

    private static String json(ProcessInstance caseProcess, String variable) {
        return runtimeService().getVariableTyped(caseProcess.getId(), variable).getValue().toString();
    }

    /** The register task refuses to merge the repeat call, naming the field and why; nothing is recorded. */
    private static void assertMergeRefused(ProcessInstance repeat, ProcessInstance into, String reason) {
        assertThatThrownBy(() -> complete(task(repeat), Map.of("caseType", "COMPLAINT", "category", "OTHER",
                "mergeInto", caseNumberOf(into))))
                .hasMessageContaining("mergeInto").hasMessageContaining(reason);
        assertThat(repeat).isWaitingAt("Task_RegisterCase");
        assertThat(mergedInto(caseNumberOf(repeat))).isNull();
    }

    private static String mergedInto(String caseNumber) {
        return jdbc.sql("select merged_into from case_file where case_number = ?").param(caseNumber)
                .query(String.class).optional().orElse(null);
    }

    private static void register(ProcessInstance caseProcess, String caseType) {
        assertThat(caseProcess).isWaitingAt("Task_RegisterCase");
        complete(task(caseProcess), Map.of("caseType", caseType, "category", "HOME_APPLIANCE",
                "registrationNote", "电话登记"));
    }

    private static void contactAndAccept(ProcessInstance caseProcess) {
        complete(task(caseProcess), Map.of("contactResult", "REACHED", "contactNote", "已电话联系消费者"));
        complete(task(caseProcess), Map.of("acceptanceDecision", "ACCEPT"));
    }

    private static String caseNumberOf(ProcessInstance caseProcess) {
        return historyService().createHistoricProcessInstanceQuery().processInstanceId(caseProcess.getId())
                .singleResult().getBusinessKey();
    }
}
