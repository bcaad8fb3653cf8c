package org.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.TestDatabase;
import org.casedesk.deadline.OverdueCases;
import org.casedesk.deadline.OverdueRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The daily overdue bulletin as supervisors read it: {@code Task_SendOverdueBulletin}'s delegate on the real
 * query and mail service, the case tables migrated by Flyway (H2, or MySQL in the -Pmysql run), a real SMTP server in process and the
 * Camunda users mocked. No engine: {@code OverdueBulletinProcessTests} drives the process.
 */
class OverdueBulletinTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/";
    /** Monday 2026-11-30, 09:00 in Shanghai, when the timer fires. */
    static final Instant MONDAY_0900 = Instant.parse("2026-11-30T01:00:00Z");

    DataSource database;
    JdbcClient jdbc;
    OverdueRows rows;
    UserQuery users = mock(UserQuery.class);
    IdentityService identityService = mock(IdentityService.class);
    SendOverdueBulletinDelegate delegate;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900));
        database = TestDatabase.freshCaseTables("overdue-bulletin");
        jdbc = JdbcClient.create(database);
        rows = new OverdueRows(jdbc);
        when(identityService.createUserQuery()).thenReturn(users);
        UserQuery supervisors = mock(UserQuery.class, RETURNS_SELF);
        when(supervisors.list()).thenReturn(List.of(user("supervisor", "supervisor@casedesk.example"),
                user("deputy", "deputy@casedesk.example"), user("trainee", null)));
        when(users.memberOfGroup("supervisors")).thenReturn(supervisors);
        delegate = delegateSendingTo(smtp.getSmtp().getPort());
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void bulletinListsTheOverdueCasesOfEachUnitForTheSupervisors() throws Exception {
        rows.caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        rows.deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);
        rows.caseFile("SH20261120000003", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261120000003", "FIRST_CONTACT", "2026-11-20T15:59:59Z", "2026-11-20T16:00:00Z", null);
        rows.deadline("SH20261120000003", "ACCEPTANCE", "2026-11-29T15:59:59Z", "2026-11-29T16:00:00Z", null);
        rows.caseFile("SH20261125000012", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261125000012", "VERIFICATION", "2026-11-26T15:59:59Z", "2026-11-26T16:00:00Z", null);
        rows.caseFile("SH20261127000001", null, null);
        rows.deadline("SH20261127000001", "REGISTRATION", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);
        // met in time, and overdue but since done: neither is listed
        rows.caseFile("SH20261126000002", "310101", "黄浦区市场监督管理局");
        rows.deadline("SH20261126000002", "ACCEPTANCE", "2026-12-07T15:59:59Z", null, null);
        rows.deadline("SH20261126000002", "FIRST_CONTACT", "2026-11-26T15:59:59Z", "2026-11-26T16:00:00Z",
                "2026-11-27T02:00:00Z");

        delegate.execute(bulletinStep("2026-11-30"));

        MimeMessage mail = onlyMail();
        assertThat(recipients(mail)).containsExactly("supervisor@casedesk.example", "deputy@casedesk.example");
        assertThat(mail.getFrom()[0]).hasToString("12315@casedesk.example");
        assertThat(mail.getSubject()).isEqualTo("【超期通报】2026-11-30 超期案件 4 件");
        assertThat(text(mail)).isEqualTo("""
                各位督办人员：

                截至 2026-11-30 09:00，共有 4 件案件超期未办结，按承办单位列示如下：

                黄浦区市场监督管理局（310101），超期 2 件：
                  SH20261120000003  先行联系  期限 2026-11-20 23:59  超期 10 天
                  SH20261125000012  举报核查  期限 2026-11-26 23:59  超期 4 天
                  SH20261120000003  受理审查  期限 2026-11-29 23:59  超期 1 天

                徐汇区市场监督管理局（310104），超期 1 件：
                  SH20261118000007  受理审查  期限 2026-11-27 23:59  超期 3 天

                本中心，超期 1 件：
                  SH20261127000001  登记  期限 2026-11-27 23:59  超期 3 天

                超期天数按自然日计算，自期限届满之日的次日起算。
                请登录 Tasklist 督办：http://localhost:8080/camunda/app/tasklist/

                12315 消费者投诉举报中心
                （本邮件由系统自动发送，请勿直接回复）
                """);
    }

    @Test
    void withNothingOverdueTheSupervisorsStillGetAShortBulletin() throws Exception {
        delegate.execute(bulletinStep("2026-11-30"));

        MimeMessage mail = onlyMail();
        assertThat(recipients(mail)).containsExactly("supervisor@casedesk.example", "deputy@casedesk.example");
        assertThat(mail.getSubject()).isEqualTo("【超期通报】2026-11-30 今日无超期案件");
        assertThat(text(mail)).isEqualTo("""
                各位督办人员：

                截至 2026-11-30 09:00，今日无超期案件。

                12315 消费者投诉举报中心
                （本邮件由系统自动发送，请勿直接回复）
                """);
    }

    @Test
    void theSameDaysBulletinIsMailedOnceHoweverOftenItsStepRuns() {
        rows.caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        rows.deadline("SH20261118000007", "ACCEPTANCE", "2026-11-27T15:59:59Z", "2026-11-27T16:00:00Z", null);

        delegate.execute(bulletinStep("2026-11-30"));
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900.plusSeconds(3600)));
        delegate.execute(bulletinStep("2026-11-30"));

        assertThat(smtp.getReceivedMessages()).hasSize(2); // one copy per supervisor
        assertThat(jdbc.sql("select message_key, subject from mail_log where case_number is null")
                .query((row, number) -> row.getString("message_key") + " " + row.getString("subject")).list())
                .containsExactly("BULLETIN:20261130 【超期通报】2026-11-30 超期案件 1 件");
    }

    @Test
    void theNextDayGetsItsOwnBulletin() throws Exception {
        delegate.execute(bulletinStep("2026-11-30"));
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900.plusSeconds(24 * 3600)));

        delegate.execute(bulletinStep("2026-12-01"));

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OverdueBulletinTests::subject).distinct())
                .containsExactly("【超期通报】2026-11-30 今日无超期案件", "【超期通报】2026-12-01 今日无超期案件");
    }

    /** The step runs in its job's transaction, as in the engine: a failed mail rolls back its log row. */
    @Test
    void aBulletinTheMailServerRefusedIsNotLoggedSoTheRetrySendsIt() {
        SendOverdueBulletinDelegate serverDown = delegateSendingTo(closedPort());
        TransactionTemplate job = new TransactionTemplate(new DataSourceTransactionManager(database));

        assertThatThrownBy(() -> job.executeWithoutResult(tx -> serverDown.execute(bulletinStep("2026-11-30"))))
                .isInstanceOf(MailSendException.class);
        assertThat(loggedMails()).isZero();

        job.executeWithoutResult(tx -> delegate.execute(bulletinStep("2026-11-30")));
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(loggedMails()).isOne();
    }

    @Test
    void aStepWithoutTheBulletinDateFailsAndSendsNothing() {
        assertThatThrownBy(() -> delegate.execute(bulletinStep(null))).hasMessageContaining("bulletinDate");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDeadlineThisVersionDoesNotKnowIsListedByItsKey() throws Exception {
        rows.caseFile("SH20261118000007", "310104", "徐汇区市场监督管理局");
        rows.deadline("SH20261118000007", "TESTING", "2026-11-29T15:59:59Z", "2026-11-29T16:00:00Z", null);

        delegate.execute(bulletinStep("2026-11-30"));

        assertThat(text(onlyMail())).contains("  SH20261118000007  TESTING  期限 2026-11-29 23:59  超期 1 天\n");
    }

    /**
     * The delegate on the real query and mail service; supervisors' copies are separate messages in GreenMail.
     */
    private SendOverdueBulletinDelegate delegateSendingTo(int smtpPort) {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtpPort);
        NotificationService notifications = new NotificationService(
                new StaticListableBeanFactory(Map.of("mailSender", mailSender)).getBeanProvider(JavaMailSender.class),
                jdbc, identityService, new NotificationProperties("12315@casedesk.example", TASKLIST));
        return new SendOverdueBulletinDelegate(notifications, new OverdueCases(jdbc));
    }

    private static DelegateExecution bulletinStep(String bulletinDate) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("bulletinDate")).thenReturn(bulletinDate);
        when(execution.getCurrentActivityId()).thenReturn("Task_SendOverdueBulletin");
        return execution;
    }

    /** The bulletin as the first supervisor received it: GreenMail keeps one copy per recipient. */
    private MimeMessage onlyMail() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(OverdueBulletinTests::subject).distinct()).hasSize(1);
        return received[0];
    }

    private int loggedMails() {
        return jdbc.sql("select count(*) from mail_log").query(Integer.class).single();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage mail) throws MessagingException {
        return Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
    }

    private static String text(MimeMessage mail) throws IOException, MessagingException {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static User user(String id, String email) {
        UserEntity user = new UserEntity(id);
        user.setEmail(email);
        return user;
    }
}
