package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.casedesk.FreePort;
import org.casedesk.TestDatabase;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The weekly bulletin and the monthly analysis as the application sends and serves them: their timers fired as the
 * job executor would, the report written from cases run through {@code processes/case-lifecycle.bpmn} with the
 * engine clock moved, mailed to a real SMTP server in the test, and the same report over HTTP. Times are Shanghai
 * times; November 2026 has no holiday. The figures below are derived by hand from these cases:
 * <pre>
 * case  received        unit    type, category           what happens
 * P1    Mon 11-09 09:00 310101  complaint HOME_APPLIANCE contact 10:00; acceptance overdue at its timer, Wed 11-18 23:59:59
 * P2    Thu 11-12 10:00 310115  complaint FOOD           waits for first contact
 * W1-5  Tue 11-17 09-13 310101  complaint PREPAID_CARD   registered, forwarded; wait for first contact
 * W6    Wed 11-18 09:00 310115  complaint FOOD           contact 10:00, accepted Thu 11-19 10:00, agreement Fri 11-20
 *                                                        10:00, revisit SATISFIED 15:00: closed
 * W7    Thu 11-19 14:00 -       consultation PREPAID_CARD answered at 14:30: closed the day it came in
 * N1    Mon 11-23 00:30 -       -                        not registered; Sunday 16:30 UTC, but the next week in Shanghai
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodicReportTests {

    static final int SMTP_PORT = FreePort.next();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    /** Monday 2026-11-23, 08:00 in Shanghai. */
    static final Instant MONDAY_0800 = Instant.parse("2026-11-23T00:00:00Z");
    static final String CHARTS = "volume-trend, by-category, by-unit, overdue-by-unit, hotspots";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void databaseAndSmtpPort(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "periodic-report");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired PeriodicReports reports;

    @BeforeAll
    void casesAndASecondSupervisor() {
        User deputy = identityService.newUser("deputy");
        deputy.setFirstName("副");
        deputy.setLastName("督办");
        deputy.setEmail("deputy@casedesk.example");
        identityService.saveUser(deputy);
        identityService.createMembership("deputy", "supervisors");

        CaseLifecycle cases = new CaseLifecycle(runtimeService, taskService);
        String p1 = cases.start("2026-11-09 09:00", "PHONE", "310101", "13900000101");
        cases.register("2026-11-09 09:30", p1, "operator", "COMPLAINT", "HOME_APPLIANCE");
        cases.complete("2026-11-09 10:00", p1, Map.of("contactResult", "REACHED"));
        Job acceptanceDue = managementService.createJobQuery().processInstanceId(p1)
                .activityId("Timer_AcceptanceDue").singleResult();
        ClockUtil.setCurrentTime(acceptanceDue.getDuedate());
        managementService.executeJob(acceptanceDue.getId());

        String p2 = cases.start("2026-11-12 10:00", "PHONE", "310115", "13900000102");
        cases.register("2026-11-12 10:30", p2, "operator", "COMPLAINT", "FOOD");

        for (int i = 1; i <= 5; i++) {
            String hour = "2026-11-17 %02d:".formatted(8 + i);
            String w = cases.start(hour + "00", "PHONE", "310101", "1390000020" + i);
            cases.register(hour + "30", w, "operator", "COMPLAINT", "PREPAID_CARD");
        }
        String w6 = cases.start("2026-11-18 09:00", "PHONE", "310115", "13900000206");
        cases.register("2026-11-18 09:30", w6, "operator", "COMPLAINT", "FOOD");
        cases.handle(w6, "2026-11-18 10:00", "2026-11-19 10:00", "2026-11-20 10:00");
        cases.complete("2026-11-20 15:00", w6, Map.of("revisitResult", "SATISFIED"));
        String w7 = cases.start("2026-11-19 14:00", "VISIT", "310101", "13900000207");
        cases.register("2026-11-19 14:30", w7, "operator", "CONSULTATION", "PREPAID_CARD", Map.of("answer", "可要求退还余额"));

        cases.start("2026-11-23 00:30", "PHONE", "310101", "13900000301");
        ClockUtil.reset();
    }

    @BeforeEach
    void noReportSentYet() {
        jdbc.sql("delete from mail_log where message_key like 'WEEKLY_REPORT:%' or message_key like 'MONTHLY_REPORT:%'")
                .update();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void resetClockAtLast() {
        ClockUtil.reset();
    }

    @Test
    void onMondayMorningEverySupervisorGetsLastWeeksBulletinAsHtmlWithTheChartsAsImages() throws Exception {
        ClockUtil.setCurrentTime(Date.from(MONDAY_0800));

        managementService.executeJob(timer("weekly-bulletin").getId());
        assertThat(smtp.getReceivedMessages()).isEmpty(); // the mail waits for the timer's transaction to commit
        runSendStep("weekly-bulletin", "Task_SendWeeklyBulletin");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient
        assertThat(Arrays.stream(received[0].getAllRecipients()).map(Address::toString))
                .containsExactlyInAnyOrder("supervisor@casedesk.example", "deputy@casedesk.example");
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("【周有快报】2026-11-16 至 2026-11-22：受理 7 件，办结 2 件，热点 1 个");
        assertThat(tree(mail)).isEqualTo("multipart/alternative { text/plain; charset=UTF-8, "
                + "multipart/related; type=text/html { text/html; charset=UTF-8, "
                + "image/png inline volume-trend.png <volume-trend>, image/png inline by-category.png <by-category>, "
                + "image/png inline by-unit.png <by-unit>, image/png inline overdue-by-unit.png <overdue-by-unit>, "
                + "image/png inline hotspots.png <hotspots> } }");
        List<Part> parts = leaves(mail);
        String html = content(only(parts, "text/html"));
        String text = content(only(parts, "text/plain"));
        for (String chart : CHARTS.split(", ")) {
            assertThat(html).contains("src=\"cid:" + chart + "\"");
            Part image = parts.stream().filter(part -> contentId(part).equals("<" + chart + ">")).findFirst()
                    .orElseThrow(() -> new AssertionError("no image part " + chart));
            assertThat(image.getContentType()).startsWith("image/png");
            BufferedImage png = ImageIO.read(image.getInputStream());
            assertThat(png).as(chart).isNotNull();
            assertThat(png.getWidth()).isEqualTo(720);
            assertThat(png.getHeight()).isBetween(220, 600);
        }
        assertWeeksFigures(html);
        assertThat(text).contains("受理量 7（上期 2）  登记量 7  不予受理量 0  分送量 6  办结量 2")
                .contains("类别：预付卡消费  本周 5 件，基线周均 0.00");
        // no consumer's personal data: the complainants are 消费者1 … with phones 139000…
        assertThat(html + text).doesNotContainPattern("消费者\\d").doesNotContain("139000");
        Files.createDirectories(Path.of("target", "report-preview"));
        Files.writeString(Path.of("target", "report-preview", "weekly-mail.html"), html);
    }

    @Test
    void theSameWeeksBulletinIsMailedOnceHoweverOftenItsStepRuns() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_0800));
        managementService.executeJob(timer("weekly-bulletin").getId());
        runSendStep("weekly-bulletin", "Task_SendWeeklyBulletin");
        ClockUtil.setCurrentTime(Date.from(MONDAY_0800.plusSeconds(3600)));

        managementService.executeJob(timer("weekly-bulletin").getId());
        runSendStep("weekly-bulletin", "Task_SendWeeklyBulletin");

        assertThat(smtp.getReceivedMessages()).hasSize(2); // the first run's copies to the two supervisors
        assertThat(jdbc.sql("select message_key from mail_log where message_key like 'WEEKLY_REPORT:%'")
                .query(String.class).list()).containsExactly("WEEKLY_REPORT:2026-11-16");
    }

    @Test
    void onTheFirstWorkingDayOfDecemberTheSupervisorsGetTheAnalysisOfNovember() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T00:00:00Z")));

        managementService.executeJob(timer("monthly-analysis").getId());
        runSendStep("monthly-analysis", "Task_SendMonthlyAnalysis");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        // received: P1 P2 W1-5 W6 W7 N1; concluded W6 W7; the hotspots are those of the month's last full week,
        // 11-23 to 11-29, which has none
        assertThat(received[0].getSubject()).isEqualTo("【月有分析】2026年11月：受理 10 件，办结 2 件，热点 0 个");
        String html = plain(content(only(leaves(received[0]), "text/html")));
        assertThat(html).contains("<tr><td>受理量</td><td>10</td><td>上期 0 件，无环比</td></tr>")
                .contains("<tr><td>分送量</td><td>8</td><td>分送至承办单位</td></tr>")
                .contains("<tr><td>即时办结量</td><td>1</td><td>即时办结率 10.0%（受理当日办结）</td></tr>")
                .contains("<p>本周没有热点。</p>");
        assertThat(jdbc.sql("select message_key from mail_log where message_key like 'MONTHLY_REPORT:%'")
                .query(String.class).list()).containsExactly("MONTHLY_REPORT:2026-11");
    }

    @Test
    void onTheWorkingDayAfterTheAnalysisWasMailedItIsNotMailedAgain() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T00:00:00Z")));
        managementService.executeJob(timer("monthly-analysis").getId());
        runSendStep("monthly-analysis", "Task_SendMonthlyAnalysis");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-02T00:00:00Z")));

        managementService.executeJob(timer("monthly-analysis").getId());

        assertThat(sendStep("monthly-analysis", "Task_SendMonthlyAnalysis")).isNull();
        assertThat(smtp.getReceivedMessages()).hasSize(2); // 1 December's copies to the two supervisors
    }

    /** The application was down all of Tuesday 1 December and the timer fires on Wednesday: November's still goes. */
    @Test
    void aMissedFirstWorkingDayStillGetsTheAnalysisOnTheDayTheTimerFires() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-02T03:00:00Z")));

        managementService.executeJob(timer("monthly-analysis").getId());
        runSendStep("monthly-analysis", "Task_SendMonthlyAnalysis");

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("【月有分析】2026年11月");
    }

    @Test
    void onAPublicHolidayNoAnalysisIsMailed() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-01T00:00:00Z")));

        managementService.executeJob(timer("monthly-analysis").getId());

        assertThat(sendStep("monthly-analysis", "Task_SendMonthlyAnalysis")).isNull();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theVolumeTrendDrawsTheCasesReceivedEachDayOfTheWeekAgainstTheWeekBefore() {
        DefaultCategoryDataset trend = ReportCharts.dataset(ReportCharts.Chart.VOLUME_TREND,
                reports.of(ReportPeriod.week(LocalDate.parse("2026-11-16"))));

        assertThat(trend.getColumnKeys()).containsExactly("11-16 周一", "11-17 周二", "11-18 周三", "11-19 周四",
                "11-20 周五", "11-21 周六", "11-22 周日");
        // W1-5 on Tuesday, W6 on Wednesday, W7 on Thursday; the week before P1 on Monday, P2 on Thursday
        assertThat(row(trend, "本期（共 7 件）")).containsExactly(0L, 5L, 1L, 1L, 0L, 0L, 0L);
        assertThat(row(trend, "上期（共 2 件）")).containsExactly(1L, 0L, 0L, 1L, 0L, 0L, 0L);
    }

    @Test
    void overALongPeriodTheTrendIsPerSevenDaysAndTheShorterLastOneNamesItsDays() {
        PeriodicReport.Volume volume = reports.of(ReportPeriod.onDemand(LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-11-20"))).volume();

        assertThat(volume.labels()).hasSize(8).startsWith("10-01起", "10-08起").endsWith("11-12起", "11-19至11-20");
        // P1 on 11-09 in 11-05起; P2 on 11-12, W1-5 on 11-17, W6 on 11-18 in 11-12起; W7 on 11-19 in the last two days
        assertThat(volume.current()).containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 7L, 1L);
    }

    @Test
    void theBulletinOnDemandIsOneHtmlFileWithItsChartsInside() throws Exception {
        ResponseEntity<String> response = get("supervisor", "/api/v1/reports/bulletin?week=2026-11-16");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
        assertThat(response.getHeaders().get("Content-Security-Policy"))
                .containsExactly("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
        String html = response.getBody();
        List<String> images = dataUris(html);
        assertThat(images).hasSize(5);
        for (String image : images) {
            assertThat(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image)))).isNotNull();
        }
        assertThat(html).doesNotContain("cid:");
        assertWeeksFigures(html);
        Files.createDirectories(Path.of("target", "report-preview"));
        Files.writeString(Path.of("target", "report-preview", "12315-weekly-2026-11-16.html"), html);
    }

    @Test
    void withDownloadTheBulletinComesAsAnAttachmentNamedForItsPeriod() {
        ResponseEntity<String> weekly = get("auditor", "/api/v1/reports/bulletin?week=2026-11-16&download=true");
        ResponseEntity<String> monthly = get("admin", "/api/v1/reports/bulletin?month=2026-11&download=true");
        ResponseEntity<String> any = get("supervisor", "/api/v1/reports/bulletin?from=2026-11-16&to=2026-11-22&download=true");

        assertThat(weekly.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(weekly.getHeaders().getContentDisposition().getFilename()).isEqualTo("12315-weekly-2026-11-16.html");
        assertThat(monthly.getHeaders().getContentDisposition().getFilename()).isEqualTo("12315-monthly-2026-11.html");
        assertThat(monthly.getBody()).contains("12315 消费者投诉举报中心 · 月有分析");
        assertThat(any.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("12315-report-2026-11-16-2026-11-22.html");
        // the same week on demand has the same figures
        assertWeeksFigures(any.getBody());
    }

    @Test
    void aWeekWithoutCasesHasItsReportToo() {
        ResponseEntity<String> response = get("supervisor", "/api/v1/reports/bulletin?week=2024-01-08");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plain(response.getBody())).contains("<tr><td>受理量</td><td>0</td><td>上期 0 件，无环比</td></tr>")
                .contains("<p>本期没有受理案件。</p>").contains("<p>本周没有热点。</p>");
        assertThat(dataUris(response.getBody())).hasSize(5);
    }

    @Test
    void eachChartAloneIsAPng() throws IOException {
        for (String chart : CHARTS.split(", ")) {
            ResponseEntity<byte[]> response = http.withBasicAuth("supervisor", "demo")
                    .getForEntity("/api/v1/reports/charts/" + chart + ".png?month=2026-11", byte[].class);

            assertThat(response.getStatusCode()).as(chart).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
            assertThat(response.getHeaders().get(HttpHeaders.CACHE_CONTROL)).containsExactly("max-age=300, private");
            assertThat(ImageIO.read(new ByteArrayInputStream(response.getBody()))).as(chart).isNotNull();
        }
    }

    @Test
    void aBadPeriodIsRefusedWithTheReason() throws Exception {
        Map<String, String> refused = Map.of(
                "bulletin?from=2026-11-22&to=2026-11-16", "from：2026-11-22 晚于 to：2026-11-16",
                "bulletin?from=2025-01-01&to=2026-01-02", "超过 366 天",
                "bulletin?from=2019-01-01&to=2019-01-31", "期间：2019-01-01 至 2019-01-31 超出报表覆盖的 2024-01-01 至",
                "bulletin?from=2026-11-16", "to：缺少",
                "bulletin?week=2026-11-17", "week：2026-11-17 不是星期一",
                "bulletin?month=2026-13", "month：2026-13 应为 yyyy-MM",
                "bulletin?from=2026-11-3&to=2026-11-30", "from：2026-11-3 应为 yyyy-MM-dd",
                "bulletin", "应给出 week（星期一）、month（yyyy-MM）或 from 与 to",
                "bulletin?week=2026-11-16&month=2026-11", "应给出 week（星期一）、month（yyyy-MM）或 from 与 to",
                "charts/pie.png?week=2026-11-16", "name：pie 不是图表");

        for (Map.Entry<String, String> request : refused.entrySet()) {
            ResponseEntity<String> response = get("supervisor", "/api/v1/reports/" + request.getKey());
            assertThat(response.getStatusCode()).as(request.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.getBody()).path("detail").asText()).as(request.getKey())
                    .contains(request.getValue());
        }
    }

    @Test
    void anOperatorMayNotReadTheBulletin() {
        assertThat(get("operator", "/api/v1/reports/bulletin?week=2026-11-16").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("huangpu", "/api/v1/reports/charts/hotspots.png?week=2026-11-16").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/v1/reports/bulletin?week=2026-11-16", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The key figures of the week 2026-11-16 to 2026-11-22, as the report's tables show them. */
    private static void assertWeeksFigures(String html) {
        assertThat(plain(html))
                // received W1-5 W6 W7 (N1 is the next week's), the week before P1 P2; registered the same 7;
                // forwarded W1-5 W6; concluded W6 W7; instantly W7: 1/7; revisited and satisfied W6
                .contains("<tr><td>受理量</td><td>7</td><td>上期 2 件，环比 +250.0%</td></tr>")
                .contains("<tr><td>登记量</td><td>7</td><td></td></tr>")
                .contains("<tr><td>不予受理量</td><td>0</td>"
                        + "<td>登记时不予受理及承办单位不予受理（其中承办单位 0 件）</td></tr>")
                .contains("<tr><td>分送量</td><td>6</td>")
                .contains("<tr><td>办结量</td><td>2</td>")
                .contains("<tr><td>即时办结量</td><td>1</td><td>即时办结率 14.3%（受理当日办结）</td></tr>")
                .contains("<tr><td>回访量</td><td>1</td>")
                .contains("<tr><td>满意量</td><td>1</td><td>满意率 100.0%（非常满意、满意 / 回访量）</td></tr>")
                .contains("<tr><td>重复来电量</td><td>0</td>")
                // steps: 7 registrations the same day; W6 contacted, accepted (1 working day), mediated (1), revisited
                // the same day; P1's acceptance overdue on Wednesday
                .contains("<tr><td>登记</td><td>7</td><td>7</td><td>100.0%</td><td>0</td><td>0</td></tr>")
                .contains("<tr><td>先行联系</td><td>1</td><td>1</td><td>100.0%</td><td>0</td><td>0</td></tr>")
                .contains("<tr><td>受理审查</td><td>1</td><td>1</td><td>100.0%</td><td>1</td><td>1</td></tr>")
                .contains("<tr><td>调解</td><td>1</td><td>1</td><td>100.0%</td><td>0</td><td>1</td></tr>")
                .contains("<tr><td>回访</td><td>1</td><td>1</td><td>100.0%</td><td>0</td><td>0</td></tr>")
                // received by category: W1-5 and the consultation W7; W6
                .contains("<tr><td>预付卡消费</td><td>6</td><td>85.7%</td></tr>")
                .contains("<tr><td>食品</td><td>1</td><td>14.3%</td></tr>")
                // by unit, the cases without one last
                .contains("<tbody>\n<tr><td>黄浦区市场监督管理局</td><td>5</td><td>0</td><td>0.0%</td><td>—</td><td>1</td></tr>\n"
                        + "<tr><td>浦东新区市场监督管理局</td><td>1</td><td>1</td><td>0.0%</td><td>100.0%</td><td>0</td></tr>\n"
                        + "<tr><td>本中心</td><td>0</td><td>1</td><td>100.0%</td><td>—</td><td>0</td></tr>\n")
                .contains("<tr><td>黄浦区市场监督管理局</td><td>1</td><td>受理审查 1</td></tr>")
                // 5 complaints about prepaid cards, none in the 8 weeks before: a hotspot (the consultation W7 is no
                // complaint); each respondent has one
                .contains("<tr><td>类别</td><td>预付卡消费</td><td>5</td><td>0.00</td><td>新出现</td></tr>")
                .contains("<tr><td>预付卡</td><td>0</td><td>0</td><td>0</td><td>5</td><td>5</td></tr>");
    }

    private static List<Number> row(DefaultCategoryDataset data, String series) {
        assertThat(data.getRowKeys()).as("series").contains(series);
        List<Number> values = new ArrayList<>();
        for (Object column : data.getColumnKeys()) {
            values.add(data.getValue(series, (Comparable<?>) column));
        }
        return values;
    }

    /** The HTML without its inline styles, so that figures read as in the table. */
    private static String plain(String html) {
        return html.replaceAll(" style=\"[^\"]*\"", "");
    }

    private Job timer(String process) {
        return managementService.createJobQuery().processDefinitionKey(process).timers().singleResult();
    }

    private Job sendStep(String process, String task) {
        return managementService.createJobQuery().processDefinitionKey(process).activityId(task).singleResult();
    }

    /** Runs the asynchronous send step, and the step's end after it, as the job executor would. */
    private void runSendStep(String process, String task) {
        managementService.executeJob(sendStep(process, task).getId());
        managementService.executeJob(sendStep(process, task).getId());
        assertThat(sendStep(process, task)).isNull();
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private static List<String> dataUris(String html) {
        Matcher matcher = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<String> images = new ArrayList<>();
        while (matcher.find()) {
            images.add(matcher.group(1));
        }
        return images;
    }

    /** The parts of a mail that are not themselves multipart, depth first. */
    private static List<Part> leaves(Part part) throws MessagingException, IOException {
        List<Part> leaves = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    /**
     * The mail's MIME structure: each part's type with the parameters that matter (charset, a related part's type),
     * an image's disposition, file name and content id, and a multipart's children in braces.
     */
    private static String tree(Part part) throws MessagingException, IOException {
        ContentType type = new ContentType(part.getContentType());
        String described = type.getBaseType();
        for (String parameter : List.of("charset", "type")) {
            if (type.getParameter(parameter) != null) {
                described += "; " + parameter + "=" + type.getParameter(parameter);
            }
        }
        if (part.isMimeType("image/*")) {
            described += " " + part.getDisposition() + " " + part.getFileName() + " " + contentId(part);
        }
        if (!part.isMimeType("multipart/*")) {
            return described;
        }
        Multipart multipart = (Multipart) part.getContent();
        List<String> children = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            children.add(tree(multipart.getBodyPart(i)));
        }
        return described + " { " + String.join(", ", children) + " }";
    }

    private static Part only(List<Part> parts, String mimeType) throws MessagingException {
        List<Part> found = new ArrayList<>();
        for (Part part : parts) {
            if (part.isMimeType(mimeType)) {
                found.add(part);
            }
        }
        assertThat(found).as(mimeType).hasSize(1);
        return found.get(0);
    }

    /** A text part as written: SMTP carries its lines with CRLF. */
    private static String content(Part part) throws IOException, MessagingException {
        return ((String) part.getContent()).replace("\r\n", "\n");
    }

    private static String contentId(Part part) {
        try {
            String[] ids = part.getHeader("Content-ID");
            return ids == null ? "" : ids[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
