package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KPIs of November 2026 over nine cases run through {@code processes/case-lifecycle.bpmn} with the engine
 * clock moved, every figure derived by hand below. Times are Shanghai times; November 2026 has no holiday, so its
 * working days are Monday to Friday (2, 9, 16, 23 and 30 November are Mondays).
 * <pre>
 * case  received       channel   unit    category        registered by  path
 * C7    Fri 10-30 10:00 PHONE    310101  HOME_APPLIANCE  operator   reg 10-30 10:30, contact 11:00, accept Mon 11-02 10:00,
 *                                                                   agreement Wed 11-04 10:00, SATISFIED Thu 11-05 10:00
 * C1    Mon 11-02 09:00 PHONE    310101  HOME_APPLIANCE  operator   reg 10:00, contact 11:00, accept Tue 11-03 10:00,
 *                                                                   agreement Thu 11-05 10:00, SATISFIED Fri 11-06 10:00
 * C2    Mon 11-09 09:00 INTERNET 310101  HOME_APPLIANCE  operator2  reg 09:30, contact 10:00, ACCEPTANCE overdue at its
 *                                                                   timer (Wed 11-18), accept Thu 11-19 10:00, agreement
 *                                                                   Fri 11-20 10:00, VERY_SATISFIED Wed 11-25 10:00
 * C3    Tue 11-10 09:00 PHONE    310115  FOOD            operator   reg 09:10, contact 10:00, accept Wed 11-11 10:00, no
 *                                                                   agreement Fri 11-13 10:00, told 11:00, DISSATISFIED
 *                                                                   Mon 11-16 10:00, supervised 11:00, agreement Wed 11-18
 *                                                                   10:00, NEUTRAL Thu 11-19 10:00
 * C6    Thu 11-12 09:00 PHONE    310115  FOOD            operator2  C3's phone while C3 is open: a repeat call; reg 09:30,
 *                                                                   contact 10:00, accept Fri 11-13 10:00, agreement Mon
 *                                                                   11-16 10:00, UNREACHABLE 15:00, Tue 11-17 10:00, 15:00
 * C4    Mon 11-16 14:00 VISIT    -       PREPAID_CARD    operator2  consultation answered at 14:30: closed the same day
 * C5    Tue 11-17 09:00 LETTER   -       FOOD            operator   not accepted at 10:00, consumer told Wed 11-18 10:00
 * C8    Mon 11-30 23:30 PHONE    -       -               -          waiting to be registered (Shanghai 11-30, UTC 15:30)
 * C9    Tue 12-01 00:30 PHONE    -       -               -          after the period (UTC still 11-30 16:30)
 * </pre>
 * December 2026 (1 December is a Tuesday, no holiday) checks what the centre counts as not accepted, what is not an
 * instant completion, and which unit a step is charged to:
 * <pre>
 * case  received       channel   unit    category        registered by  path
 * D1    Wed 12-02 09:00 PHONE    310101  HOME_APPLIANCE  operator   reg 09:30, contact 10:00, rejected by the unit (not
 *                                                                   living consumption) Thu 12-03 10:00
 * D2    Wed 12-02 11:00 PHONE    -       HOME_APPLIANCE  operator2  C9's phone while C9 is open: merged into C9 at 11:30
 * D4    Thu 12-03 09:00 PHONE    310115, then 310101     operator   reg 09:30 to 310115, FIRST_CONTACT overdue at its
 *                                        FOOD                       timer (Thu 12-03), contact Fri 12-04 10:00, no
 *                                                                   jurisdiction 11:00, dispatched to 310101 Mon 12-07
 *                                                                   09:00, contact 10:00, accept 11:00, mediating
 * D3    Thu 12-03 14:00 VISIT    -       PREPAID_CARD    operator2  consultation answered at 14:30
 * </pre>
 * A step's working days are those from its start day up to, not including, its end day (Fri 10:00 to Mon 10:00 is
 * one); medians and 90th percentiles are nearest-rank.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiReportTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOVEMBER = "/api/v1/reports/kpis?from=2026-11-01&to=2026-11-30";
    private static final String DECEMBER = "/api/v1/reports/kpis?from=2026-12-01&to=2026-12-31";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "kpi-report");
    }

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    void novemberCases() {
        CaseLifecycle cases = new CaseLifecycle(runtimeService, taskService);
        String c7 = cases.start("2026-10-30 10:00", "PHONE", "310101", "13900000007");
        cases.register("2026-10-30 10:30", c7, "operator", "COMPLAINT", "HOME_APPLIANCE");
        cases.handle(c7, "2026-10-30 11:00", "2026-11-02 10:00", "2026-11-04 10:00");
        cases.complete("2026-11-05 10:00", c7, Map.of("revisitResult", "SATISFIED"));

        String c1 = cases.start("2026-11-02 09:00", "PHONE", "310101", "13900000001");
        cases.register("2026-11-02 10:00", c1, "operator", "COMPLAINT", "HOME_APPLIANCE");
        cases.handle(c1, "2026-11-02 11:00", "2026-11-03 10:00", "2026-11-05 10:00");
        cases.complete("2026-11-06 10:00", c1, Map.of("revisitResult", "SATISFIED"));

        String c2 = cases.start("2026-11-09 09:00", "INTERNET", "310101", "13900000002");
        cases.register("2026-11-09 09:30", c2, "operator2", "COMPLAINT", "HOME_APPLIANCE");
        cases.complete("2026-11-09 10:00", c2, Map.of("contactResult", "REACHED"));
        Job acceptanceDue = managementService.createJobQuery().processInstanceId(c2)
                .activityId("Timer_AcceptanceDue").singleResult();
        ClockUtil.setCurrentTime(acceptanceDue.getDuedate());
        managementService.executeJob(acceptanceDue.getId());
        cases.complete("2026-11-19 10:00", c2, Map.of("acceptanceDecision", "ACCEPT"));
        cases.complete("2026-11-20 10:00", c2, Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "退款"));
        cases.complete("2026-11-25 10:00", c2, Map.of("revisitResult", "VERY_SATISFIED"));

        String c3 = cases.start("2026-11-10 09:00", "PHONE", "310115", "13900000003");
        cases.register("2026-11-10 09:10", c3, "operator", "COMPLAINT", "FOOD");
        cases.complete("2026-11-10 10:00", c3, Map.of("contactResult", "REACHED"));
        cases.complete("2026-11-11 10:00", c3, Map.of("acceptanceDecision", "ACCEPT"));
        cases.complete("2026-11-13 10:00", c3, Map.of("handlingOutcome", "NO_AGREEMENT", "outcomeNote", "分歧较大"));
        cases.complete("2026-11-13 11:00", c3, Map.of("mediationEndInformMethod", "LETTER"));

        String c6 = cases.start("2026-11-12 09:00", "PHONE", "310115", "13900000003");
        cases.register("2026-11-12 09:30", c6, "operator2", "COMPLAINT", "FOOD");
        cases.handle(c6, "2026-11-12 10:00", "2026-11-13 10:00", "2026-11-16 10:00");

        cases.complete("2026-11-16 10:00", c3, Map.of("revisitResult", "DISSATISFIED"));
        cases.complete("2026-11-16 11:00", c3, Map.of("supervisionNote", "请重新调解"));
        cases.complete("2026-11-18 10:00", c3, Map.of("handlingOutcome", "MEDIATED_AGREEMENT", "outcomeNote", "退款"));
        cases.complete("2026-11-19 10:00", c3, Map.of("revisitResult", "NEUTRAL"));

        cases.complete("2026-11-16 15:00", c6, Map.of("revisitResult", "UNREACHABLE"));
        cases.complete("2026-11-17 10:00", c6, Map.of("revisitResult", "UNREACHABLE"));
        cases.complete("2026-11-17 15:00", c6, Map.of("revisitResult", "UNREACHABLE"));

        String c4 = cases.start("2026-11-16 14:00", "VISIT", "310101", "13900000004");
        cases.register("2026-11-16 14:30", c4, "operator2", "CONSULTATION", "PREPAID_CARD", Map.of("answer", "可要求退还余额"));

        String c5 = cases.start("2026-11-17 09:00", "LETTER", "310115", "13900000005");
        cases.register("2026-11-17 10:00", c5, "operator", "COMPLAINT", "FOOD", Map.of("notAcceptedGround", "OVER_THREE_YEARS"));
        cases.complete("2026-11-18 10:00", c5, Map.of("informMethod", "PHONE"));

        cases.start("2026-11-30 23:30", "PHONE", "310101", "13900000008");
        String c9 = cases.start("2026-12-01 00:30", "PHONE", "310101", "13900000009");

        String d1 = cases.start("2026-12-02 09:00", "PHONE", "310101", "13900000011");
        cases.register("2026-12-02 09:30", d1, "operator", "COMPLAINT", "HOME_APPLIANCE");
        cases.complete("2026-12-02 10:00", d1, Map.of("contactResult", "REACHED"));
        cases.complete("2026-12-03 10:00", d1, Map.of("acceptanceDecision", "REJECT", "rejectGround",
                "NOT_LIVING_CONSUMPTION", "informMethod", "PHONE", "acceptanceNote", "购买用于经营，已电话告知"));

        String d2 = cases.start("2026-12-02 11:00", "PHONE", "310101", "13900000009");
        cases.register("2026-12-02 11:30", d2, "operator2", "COMPLAINT", "HOME_APPLIANCE",
                Map.of("mergeInto", caseNumber(c9)));

        String d4 = cases.start("2026-12-03 09:00", "PHONE", "310115", "13900000014");
        cases.register("2026-12-03 09:30", d4, "operator", "COMPLAINT", "FOOD");

        String d3 = cases.start("2026-12-03 14:00", "VISIT", "310101", "13900000013");
        cases.register("2026-12-03 14:30", d3, "operator2", "CONSULTATION", "PREPAID_CARD", Map.of("answer", "可退卡"));

        Job firstContactDue = managementService.createJobQuery().processInstanceId(d4)
                .activityId("Timer_FirstContactDue").singleResult();
        ClockUtil.setCurrentTime(firstContactDue.getDuedate());
        managementService.executeJob(firstContactDue.getId());
        cases.complete("2026-12-04 10:00", d4, Map.of("contactResult", "REACHED"));
        cases.complete("2026-12-04 11:00", d4, Map.of("acceptanceDecision", "NO_JURISDICTION",
                "acceptanceNote", "实际经营地在黄浦区"));
        cases.complete("2026-12-07 09:00", d4, Map.of("handlingUnit", "310101", "dispatchNote", "据地址判断为黄浦区"));
        cases.complete("2026-12-07 10:00", d4, Map.of("contactResult", "REACHED"));
        cases.complete("2026-12-07 11:00", d4, Map.of("acceptanceDecision", "ACCEPT"));

        for (String closed : List.of(c7, c1, c2, c3, c6, c4, c5, d1, d2, d3)) {
            assertThat(jdbc.sql("select status from case_file where process_instance_id = ?").param(closed)
                    .query(String.class).single()).isEqualTo("CLOSED");
        }
        ClockUtil.reset();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theMonthOfAllCasesCountsWhatHappenedInItAndTheStepsFinishedInIt() throws Exception {
        JsonNode all = groups(get("supervisor", NOVEMBER + "&by=none"));

        // received C1 C2 C3 C6 C4 C5 C8 = 7 (C7 in October, C9 in December); registered C1 C2 C3 C6 C4 C5 = 6;
        // not accepted C5; forwarded C1 C2 C3 C6 = 4; concluded C7 C1 C2 C3 C6 C4 C5 = 7; instantly C4: 1/7;
        // revisited C7 C1 C2 C3 (C6 unreachable) = 4, satisfied C7 C1 C2: 3/4; repeat call C6; dissatisfied C3
        assertThat(figures(all)).containsExactly("all 7 6 1 4 7 1 0.1429 4 3 0.7500 1 1");
        assertThat(steps(all.get(0))).containsExactly(
                // C1 C2 C3 C6 C4 C5 each the same day
                "REGISTRATION 6 6 1.0000 0 0 0",
                // C5: Tue to Wed
                "NOT_ACCEPTED_NOTICE 1 1 1.0000 0 1 1",
                // C1 C2 C3 C6 the same day (C7's in October)
                "FIRST_CONTACT 4 4 1.0000 0 0 0",
                // from forwarding to decision: C7 1, C1 1, C2 8 (Mon 9 to Thu 19, late and overdue on Wed 18), C3 1,
                // C6 1: [1 1 1 1 8], median rank 3, 90th rank 5
                "ACCEPTANCE 5 4 0.8000 1 1 8",
                // C7 2, C1 2, C2 1, C3 2 and again 2 (Mon 16 11:00 to Wed 18), C6 1: [1 1 2 2 2 2], ranks 3 and 6
                "MEDIATION 6 6 1.0000 0 2 2",
                // C3 within the hour
                "MEDIATION_ENDED 1 1 1.0000 0 0 0",
                "VERIFICATION 0 0 null 0 null null",
                "REPORTER_INFORMED 0 0 null 0 null null",
                // C7 1, C1 1, C2 3 (Fri 20 to Wed 25, within its 3), C3 1 and 1, C6 0, 1, 0: [0 0 1 1 1 1 1 3], ranks 4, 8
                "REVISIT 8 8 1.0000 0 1 3");
    }

    @Test
    void byUnitTheCasesNotForwardedFormTheGroupWithoutAUnit() throws Exception {
        JsonNode units = groups(get("auditor", NOVEMBER + "&by=unit"));

        assertThat(figures(units)).containsExactly(
                // C4 C5 C8: received 3, registered C4 C5, not accepted C5, concluded C4 C5, instantly C4: 1/3
                "null 3 2 1 0 2 1 0.3333 0 0 null 0 0",
                // C1 C2 (C7 received in October): concluded C7 C1 C2, all three revisited and satisfied
                "310101 2 2 0 2 3 0 0.0000 3 3 1.0000 0 0",
                // C3 C6: revisited C3 (neutral), C6 the repeat call, C3 dissatisfied once
                "310115 2 2 0 2 2 0 0.0000 1 0 0.0000 1 1");
        assertThat(units.get(1).path("name").asText()).isEqualTo("黄浦区市场监督管理局");
        assertThat(steps(units.get(0))).containsExactly(
                // every registration, C1 C2 C3 C6 C4 C5: done before any unit had the case
                "REGISTRATION 6 6 1.0000 0 0 0",
                "NOT_ACCEPTED_NOTICE 1 1 1.0000 0 1 1",
                "FIRST_CONTACT 0 0 null 0 null null",
                "ACCEPTANCE 0 0 null 0 null null",
                "MEDIATION 0 0 null 0 null null",
                "MEDIATION_ENDED 0 0 null 0 null null",
                "VERIFICATION 0 0 null 0 null null",
                "REPORTER_INFORMED 0 0 null 0 null null",
                // the operators' revisits, of every unit's cases: C7 1, C1 1, C2 3, C3 1 and 1, C6 0, 1, 0:
                // [0 0 1 1 1 1 1 3], ranks 4 and 8
                "REVISIT 8 8 1.0000 0 1 3");
        assertThat(steps(units.get(1))).containsExactly(
                "REGISTRATION 0 0 null 0 null null",
                "NOT_ACCEPTED_NOTICE 0 0 null 0 null null",
                "FIRST_CONTACT 2 2 1.0000 0 0 0",
                // C7 1, C1 1, C2 8: [1 1 8], ranks 2 and 3
                "ACCEPTANCE 3 2 0.6667 1 1 8",
                // C7 2, C1 2, C2 1: [1 2 2]
                "MEDIATION 3 3 1.0000 0 2 2",
                "MEDIATION_ENDED 0 0 null 0 null null",
                "VERIFICATION 0 0 null 0 null null",
                "REPORTER_INFORMED 0 0 null 0 null null",
                "REVISIT 0 0 null 0 null null");
        assertThat(steps(units.get(2))).containsExactly(
                "REGISTRATION 0 0 null 0 null null",
                "NOT_ACCEPTED_NOTICE 0 0 null 0 null null",
                "FIRST_CONTACT 2 2 1.0000 0 0 0",
                "ACCEPTANCE 2 2 1.0000 0 1 1",
                // C3 2 and 2, C6 1: [1 2 2]
                "MEDIATION 3 3 1.0000 0 2 2",
                "MEDIATION_ENDED 1 1 1.0000 0 0 0",
                "VERIFICATION 0 0 null 0 null null",
                "REPORTER_INFORMED 0 0 null 0 null null",
                "REVISIT 0 0 null 0 null null");
    }

    @Test
    void aUnitsRejectionIsNotAcceptedTooAndAMergedRepeatCallIsNoInstantCompletion() throws Exception {
        JsonNode all = groups(get("supervisor", DECEMBER + "&by=none"));

        // received C9 D1 D2 D4 D3 = 5; registered D1 D2 D4 D3 = 4; not accepted D1, by its unit; forwarded D1 D4;
        // concluded D1 D2 D3; instantly D3 only, D2 merged the day it came: 1/5; repeat call D2
        assertThat(figures(all)).containsExactly("all 5 4 1 2 3 1 0.2000 0 0 null 1 0");
        assertThat(all.get(0).path("notAcceptedByUnit").asLong()).isEqualTo(1);
        // November's C5 was not accepted by the centre at registration
        JsonNode november = groups(get("supervisor", NOVEMBER + "&by=none"));
        assertThat(november.get(0).path("notAccepted").asLong()).isEqualTo(1);
        assertThat(november.get(0).path("notAcceptedByUnit").asLong()).isEqualTo(0);
    }

    @Test
    void aStepIsChargedToTheUnitThatHadTheCaseWhenItStartedAndThatUnitIsNamedWithoutCasesOfItsOwn() throws Exception {
        JsonNode units = groups(get("auditor", DECEMBER + "&by=unit"));

        assertThat(figures(units)).containsExactly(
                // C9 D2 D3: registered D2 D3, concluded D2 D3, instantly D3: 1/3, repeat call D2
                "null 3 2 0 0 2 1 0.3333 0 0 null 1 0",
                // D1 D4 (D4 now with 310101): D1 rejected and concluded
                "310101 2 2 1 2 1 0 0.0000 0 0 null 0 0",
                // D4's first unit: its steps only
                "310115 0 0 0 0 0 0 null 0 0 null 0 0");
        assertThat(units.get(1).path("notAcceptedByUnit").asLong()).isEqualTo(1);
        assertThat(units.get(1).path("name").asText()).isEqualTo("黄浦区市场监督管理局");
        assertThat(units.get(2).path("name").asText()).isEqualTo("浦东新区市场监督管理局");
        // registrations, before any unit had the cases: D1 D2 D4 D3 the same day
        assertThat(steps(units.get(0)).get(0)).isEqualTo("REGISTRATION 4 4 1.0000 0 0 0");
        assertThat(steps(units.get(1))).containsExactly(
                "REGISTRATION 0 0 null 0 null null",
                "NOT_ACCEPTED_NOTICE 0 0 null 0 null null",
                // D1 and D4 the same day
                "FIRST_CONTACT 2 2 1.0000 0 0 0",
                // D1 Wed to Thu 1, D4 0: [0 1]
                "ACCEPTANCE 2 2 1.0000 0 0 1",
                "MEDIATION 0 0 null 0 null null",
                "MEDIATION_ENDED 0 0 null 0 null null",
                "VERIFICATION 0 0 null 0 null null",
                "REPORTER_INFORMED 0 0 null 0 null null",
                "REVISIT 0 0 null 0 null null");
        assertThat(steps(units.get(2))).containsExactly(
                "REGISTRATION 0 0 null 0 null null",
                "NOT_ACCEPTED_NOTICE 0 0 null 0 null null",
                // D4 contacted a working day late, overdue on Thursday
                "FIRST_CONTACT 1 0 0.0000 1 1 1",
                // D4 returned on Friday, within the acceptance deadline
                "ACCEPTANCE 1 1 1.0000 0 1 1",
                "MEDIATION 0 0 null 0 null null",
                "MEDIATION_ENDED 0 0 null 0 null null",
                "VERIFICATION 0 0 null 0 null null",
                "REPORTER_INFORMED 0 0 null 0 null null",
                "REVISIT 0 0 null 0 null null");
    }

    @Test
    void byChannel() throws Exception {
        assertThat(figures(groups(get("supervisor", NOVEMBER + "&by=channel")))).containsExactly(
                // C2
                "INTERNET 1 1 0 1 1 0 0.0000 1 1 1.0000 0 0",
                // C5
                "LETTER 1 1 1 0 1 0 0.0000 0 0 null 0 0",
                // received C1 C3 C6 C8, registered C1 C3 C6, concluded C7 C1 C3 C6, revisited C7 C1 C3
                "PHONE 4 3 0 3 4 0 0.0000 3 2 0.6667 1 1",
                // C4
                "VISIT 1 1 0 0 1 1 1.0000 0 0 null 0 0");
    }

    @Test
    void byCategory() throws Exception {
        assertThat(figures(groups(get("supervisor", NOVEMBER + "&by=category")))).containsExactly(
                // C8, not registered yet
                "null 1 0 0 0 0 0 0.0000 0 0 null 0 0",
                // C3 C6 C5
                "FOOD 3 3 1 2 3 0 0.0000 1 0 0.0000 1 1",
                // C1 C2, and C7 concluded
                "HOME_APPLIANCE 2 2 0 2 3 0 0.0000 3 3 1.0000 0 0",
                // C4
                "PREPAID_CARD 1 1 0 0 1 1 1.0000 0 0 null 0 0");
    }

    @Test
    void byOperatorTheOneWhoRegisteredTheCase() throws Exception {
        JsonNode operators = groups(get("admin", NOVEMBER + "&by=operator"));

        assertThat(figures(operators)).containsExactly(
                // C8
                "null 1 0 0 0 0 0 0.0000 0 0 null 0 0",
                // C1 C3 C5, and C7 concluded: revisited C7 C1 C3, satisfied C7 C1
                "operator 3 3 1 2 4 0 0.0000 3 2 0.6667 0 1",
                // C2 C6 C4
                "operator2 3 3 0 2 3 1 0.3333 1 1 1.0000 1 0");
        // REGISTRATION finished by operator: C1 C3 C5; by operator2: C2 C6 C4
        assertThat(steps(operators.get(1)).get(0)).isEqualTo("REGISTRATION 3 3 1.0000 0 0 0");
        assertThat(steps(operators.get(2)).get(3)).isEqualTo("ACCEPTANCE 2 1 0.5000 1 1 8");
    }

    @Test
    void byOperatorAMergedRepeatCallAndAnAnsweredConsultationCountForWhoRegisteredThem() throws Exception {
        JsonNode operators = groups(get("admin", DECEMBER + "&by=operator"));

        assertThat(figures(operators)).containsExactly(
                // C9, not registered
                "null 1 0 0 0 0 0 0.0000 0 0 null 0 0",
                // D1 D4: D1 rejected by its unit, D4 still mediating
                "operator 2 2 1 2 1 0 0.0000 0 0 null 0 0",
                // D2 merged into C9 (no instant completion, a repeat call), D3 answered the same day
                "operator2 2 2 0 0 2 1 0.5000 0 0 null 1 0");
        assertThat(steps(operators.get(1)).get(0)).isEqualTo("REGISTRATION 2 2 1.0000 0 0 0");
        // D1 0, D4 at 310115 1 (overdue), D4 at 310101 0: [0 0 1]
        assertThat(steps(operators.get(1)).get(2)).isEqualTo("FIRST_CONTACT 3 2 0.6667 1 0 1");
        assertThat(steps(operators.get(2)).get(0)).isEqualTo("REGISTRATION 2 2 1.0000 0 0 0");
    }

    @Test
    void theCsvHasAChineseHeaderAndARowPerGroupInUtf8WithAByteOrderMark() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<byte[]> response = http.withBasicAuth("supervisor", "demo").exchange(NOVEMBER + "&by=unit",
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        ResponseEntity<byte[]> byParameter = http.withBasicAuth("supervisor", "demo")
                .getForEntity(NOVEMBER + "&by=unit&format=csv", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("kpis-2026-11-01-2026-11-30-unit.csv");
        byte[] body = response.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("分组,名称,受理量,登记量,不予受理量,其中承办单位不予受理量,分送量,办结量,即时办结量,即时办结率,回访量,满意量,满意率,重复来电量,不满意案件量,"
                + "登记完成量,登记按时完成量,登记按时率,登记超期量,登记用时中位数（工作日）,登记用时90百分位（工作日）,告知不予受理完成量")
                .endsWith(",回访用时中位数（工作日）,回访用时90百分位（工作日）");
        assertThat(lines.get(2)).isEqualTo("310101,黄浦区市场监督管理局,2,2,0,0,2,3,0,0.0000,3,3,1.0000,0,0,"
                + "0,0,,0,,," + "0,0,,0,,," + "2,2,1.0000,0,0,0," + "3,2,0.6667,1,1,8," + "3,3,1.0000,0,2,2,"
                + "0,0,,0,,," + "0,0,,0,,," + "0,0,,0,,," + "0,0,,0,,");
        assertThat(lines.get(0).split(",", -1)).hasSameSizeAs(lines.get(2).split(",", -1));
        assertThat(byParameter.getBody()).isEqualTo(body);
    }

    @Test
    void anOperatorMayNotReadTheReports() {
        ResponseEntity<String> response = get("operator", NOVEMBER);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(get("huangpu", NOVEMBER).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(NOVEMBER, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aBadPeriodOrGroupingIsRefusedWithTheReason() throws Exception {
        assertBadRequest("/api/v1/reports/kpis?from=2026-11-30&to=2026-11-01", "must not be after");
        assertBadRequest("/api/v1/reports/kpis?from=2026-11-01&to=2026-11-30&by=street", "by must be one of none, unit");
        assertBadRequest("/api/v1/reports/kpis?from=2026-11-01&to=2026-11-30&format=xlsx", "format must be json or csv");
        assertBadRequest("/api/v1/reports/kpis?from=2019-01-01&to=2019-01-31", "Reports cover 2024-01-01 to");
        assertThat(get("supervisor", "/api/v1/reports/kpis?from=2026-11-01").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private void assertBadRequest(String path, String reason) throws Exception {
        ResponseEntity<String> response = get("supervisor", path);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).path("detail").asText()).contains(reason);
    }

    private String caseNumber(String caseProcess) {
        return jdbc.sql("select case_number from case_file where process_instance_id = ?").param(caseProcess)
                .query(String.class).single();
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private static JsonNode groups(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody()).path("groups");
    }

    /** Per group: key, received, registered, not accepted, forwarded, concluded, instant (count, rate),
     *  revisited, satisfied, satisfaction rate, repeat calls, dissatisfied cases. */
    private static List<String> figures(JsonNode groups) {
        return StreamSupport.stream(groups.spliterator(), false).map(group -> String.join(" ",
                List.of("key", "received", "registered", "notAccepted", "forwarded", "concluded", "instantlyCompleted",
                        "instantCompletionRate", "revisited", "satisfied", "satisfactionRate", "repeatCalls",
                        "dissatisfiedCases").stream().map(field -> text(group.path(field))).toList())).toList();
    }

    /** Per step: deadline, finished, on time, on-time rate, overdue, median and 90th percentile in working days. */
    private static List<String> steps(JsonNode group) {
        return StreamSupport.stream(group.path("steps").spliterator(), false).map(step -> String.join(" ",
                List.of("deadline", "finished", "onTime", "onTimeRate", "overdue", "medianWorkingDays",
                        "p90WorkingDays").stream().map(field -> text(step.path(field))).toList())).toList();
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "null" : value.isBigDecimal() || value.isDouble()
                ? value.decimalValue().setScale(4).toPlainString() : value.asText();
    }
}
