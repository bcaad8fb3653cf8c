package org.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The four mails as recipients read them, sent through a real SMTP server in process, with the Camunda users
 * mocked and {@code mail_log} in a database of its own. No engine.
 */
class NotificationServiceTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/";

    /** Received 2026-11-28 09:30 in Shanghai; the acceptance decision is due 2026-12-07 23:59 there. */
    static final Instant RECEIVED = Instant.parse("2026-11-28T01:30:00Z");
    static final Instant ACCEPTANCE_DUE = Instant.parse("2026-12-07T15:59:59Z");

    static final CaseFacts CASE = new CaseFacts("SH20261128000042", "李明", "li.ming@example.com", "徐家汇某数码店",
            "黄浦区市场监督管理局", "RESOLVED", "商家同意换新", RECEIVED);

    JdbcClient jdbc;
    UserQuery users = mock(UserQuery.class);
    IdentityService identityService = mock(IdentityService.class);
    NotificationService notifications;

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(TestDatabase.freshCaseTables("notification-service"));
        when(identityService.createUserQuery()).thenReturn(users);
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtp.getSmtp().getPort());
        notifications = new NotificationService(
                new StaticListableBeanFactory(Map.of("mailSender", mailSender)).getBeanProvider(JavaMailSender.class),
                jdbc, identityService, new NotificationProperties("12315@casedesk.example", TASKLIST));
        group("unit-310101", user("huangpu", "huangpu@casedesk.example"), user("intern", null));
        group("supervisors", user("huangpu", "huangpu@casedesk.example"), user("supervisor", "supervisor@casedesk.example"));
        group("unit-nobody", user("intern", null), user("typo", "not an address"));
    }

    @Test
    void reminderTellsTheGroupWhenTheDeadlineFallsWithTheMaskedCaseFacts() throws Exception {
        notifications.remind(CASE, new DeadlineNotice(Deadline.ACCEPTANCE, "unit-310101", ACCEPTANCE_DUE),
                "Task_RemindAcceptance:1");

        MimeMessage mail = onlyMail();
        assertThat(recipients(mail)).containsExactly("huangpu@casedesk.example");
        assertThat(mail.getFrom()[0]).hasToString("12315@casedesk.example");
        assertThat(mail.getSubject()).isEqualTo("【超期提示】案件 SH20261128000042 的受理审查期限将于 2026-12-07 23:59 届满");
        assertThat(text(mail)).isEqualTo("""
                您好：

                案件 SH20261128000042 的受理审查期限将于 2026-12-07 23:59 届满，请在期限内办理。

                案件编号：SH20261128000042
                投诉举报人：李*
                被投诉举报方：徐家汇某数码店
                承办单位：黄浦区市场监督管理局

                请登录 Tasklist 办理：http://localhost:8080/camunda/app/tasklist/

                12315 消费者投诉举报中心
                （本邮件由系统自动发送，请勿直接回复）
                """);
    }

    @Test
    void reminderWithoutAnyDueDateSaysTheDeadlineIsNotSetAndNamesWhatIsMissing() throws Exception {
        CaseFacts unregistered = new CaseFacts("SH20261128000043", null, null, null, null, null, null, RECEIVED);

        notifications.remind(unregistered, new DeadlineNotice(Deadline.REGISTRATION, "unit-310101", null),
                "Task_RemindRegistration:1");

        MimeMessage mail = onlyMail();
        assertThat(mail.getSubject()).isEqualTo("【超期提示】案件 SH20261128000043 的登记期限将于 未设定 届满");
        assertThat(text(mail)).contains("投诉举报人：匿名\n", "被投诉举报方：未填写\n", "承办单位：尚未分送\n")
                .doesNotContain("null");
    }

    @Test
    void overdueNoticeGoesToTheGroupAndTheSupervisorsOnceEach() throws Exception {
        notifications.reportOverdue(CASE, new DeadlineNotice(Deadline.ACCEPTANCE, "unit-310101", ACCEPTANCE_DUE),
                "Task_ReportAcceptanceOverdue:1");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(recipients(mail)).containsExactly("huangpu@casedesk.example", "supervisor@casedesk.example");
        assertThat(mail.getSubject()).isEqualTo("【超期通报】案件 SH20261128000042 的受理审查期限已于 2026-12-07 23:59 届满");
        assertThat(text(mail)).isEqualTo("""
                您好：

                案件 SH20261128000042 的受理审查期限已于 2026-12-07 23:59 届满，案件已超期。请承办人员立即办理，督办人员跟进督办。

                案件编号：SH20261128000042
                投诉举报人：李*
                被投诉举报方：徐家汇某数码店
                承办单位：黄浦区市场监督管理局

                请登录 Tasklist 办理：http://localhost:8080/camunda/app/tasklist/

                12315 消费者投诉举报中心
                （本邮件由系统自动发送，请勿直接回复）
                """);
    }

    @Test
    void acknowledgementTellsTheConsumerTheCaseNumberTheTimeOfReceiptAndHowToFollowTheCase() throws Exception {
        notifications.acknowledge(CASE, "Task_SendAcknowledgement:1");

        MimeMessage mail = onlyMail();
        assertThat(recipients(mail)).containsExactly("li.ming@example.com");
        assertThat(mail.getSubject()).isEqualTo("【受理回执】您的诉求已登记，案件编号 SH20261128000042");
        assertThat(text(mail)).isEqualTo("""
                尊敬的消费者：

                我们已于 2026-11-28 09:30 收到您的诉求，案件编号为 SH20261128000042。

                请保存好案件编号。您可以拨打 12315 热线，提供案件编号查询办理进度。

                12315 消费者投诉举报中心
                （本邮件由系统自动发送，请勿直接回复）
                """);
    }

    @Test
    void outcomeTellsTheConsumerHowTheCaseEndedAndTheUnitsNote() throws Exception {
        notifications.tellOutcome(CASE, "Task_SendOutcome:1");

        MimeMessage mail = onlyMail();
        assertThat(recipients(mail)).containsExactly("li.ming@example.com");
        assertThat(mail.getSubject()).isEqualTo("【办结告知】您的案件 SH20261128000042 已办结");
        assertThat(text(mail)).isEqualTo("""
                尊敬的消费者：

                您的案件 SH20261128000042 已办结。

                办结情况：已办理完毕
                承办单位处理意见：商家同意换新

                如有疑问，请拨打 12315 热线，提供案件编号咨询。

                12315 消费者投诉举报中心
                （本邮件由系统自动发送，请勿直接回复）
                """);
    }

    @Test
    void aMergedRepeatCallTellsTheConsumerItIsHandledWithTheirOtherOpenCase() throws Exception {
        CaseFacts merged = new CaseFacts("SH20261128000043", "李明", "li.ming@example.com", "徐家汇某数码店", null,
                "MERGED", null, RECEIVED);

        notifications.tellOutcome(merged, "Task_SendOutcome:1");

        assertThat(text(onlyMail())).contains("办结情况：与您尚在办理中的另一件案件反映同一问题，已并入该案件一并办理");
    }

    @Test
    void complainantNamesAreMaskedAfterTheirFirstCharacter() {
        assertThat(NotificationService.mask("李明")).isEqualTo("李*");
        assertThat(NotificationService.mask("欧阳娜娜")).isEqualTo("欧***");
        assertThat(NotificationService.mask("𠀋一")).isEqualTo("𠀋*");
        assertThat(NotificationService.mask("李")).isEqualTo("*");
        assertThat(NotificationService.mask(null)).isEqualTo("匿名");
    }

    @Test
    void aPlaceholderWithoutAValueFailsInsteadOfPrintingNull() {
        MailTemplate template = MailTemplate.load("notification/acknowledgement.txt");

        assertThatThrownBy(() -> template.render(Map.of("caseNumber", "SH20261128000042")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notification/acknowledgement.txt").hasMessageContaining("[receivedAt]");
    }

    @Test
    void acknowledgementWithoutTheTimeOfReceiptFailsAndSendsNothing() {
        CaseFacts noReceipt = new CaseFacts("SH20261128000042", "李明", "li.ming@example.com", null, null, null,
                null, null);

        assertThatThrownBy(() -> notifications.acknowledge(noReceipt, "Task_SendAcknowledgement:1"))
                .hasMessageContaining("receivedAt");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(loggedMails()).isZero();
    }

    @Test
    void theSameStepSendsItsMailOnlyOnce() {
        notifications.acknowledge(CASE, "Task_SendAcknowledgement:1");
        notifications.acknowledge(CASE, "Task_SendAcknowledgement:1");

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(loggedMails()).isOne();
    }

    @Test
    void everySentMailIsLoggedWithItsKeyRecipientsSubjectAndTime() {
        notifications.reportOverdue(CASE, new DeadlineNotice(Deadline.MEDIATION, "unit-310101", ACCEPTANCE_DUE),
                "Task_ReportMediationOverdue:7");

        Map<String, Object> row = jdbc.sql("select * from mail_log").query().singleRow();
        assertThat(row).containsEntry("MESSAGE_KEY", "OVERDUE:MEDIATION:SH20261128000042:Task_ReportMediationOverdue:7")
                .containsEntry("CASE_NUMBER", "SH20261128000042")
                .containsEntry("RECIPIENTS", "huangpu@casedesk.example,supervisor@casedesk.example")
                .containsEntry("SUBJECT", "【超期通报】案件 SH20261128000042 的调解期限已于 2026-12-07 23:59 届满");
        assertThat(row.get("SENT_AT")).isNotNull();
    }

    @Test
    void aGroupWithoutUsableAddressesGetsNoMailAndNothingFails() {
        notifications.remind(CASE, new DeadlineNotice(Deadline.ACCEPTANCE, "unit-nobody", ACCEPTANCE_DUE),
                "Task_RemindAcceptance:1");

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(loggedMails()).isZero();
    }

    @Test
    void aConsumerWithoutAnEmailAddressGetsNoMailAndNothingFails() {
        CaseFacts noEmail = new CaseFacts("SH20261128000042", "李明", null, null, null, null, null, null);

        notifications.acknowledge(noEmail, "Task_SendAcknowledgement:1");
        notifications.tellOutcome(noEmail, "Task_SendOutcome:1");

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(loggedMails()).isZero();
    }

    @Test
    void anOutcomeMailBeforeClosureFails() {
        CaseFacts open = new CaseFacts("SH20261128000042", "李明", "li.ming@example.com", null, null, null, null, RECEIVED);

        assertThatThrownBy(() -> notifications.tellOutcome(open, "Task_SendOutcome:1"))
                .hasMessageContaining("no closure");
    }

    @Test
    void deadlineKeysNameTheDeadlinesOfTheLifecycle() {
        assertThat(Arrays.stream(Deadline.values()).map(Deadline::displayName))
                .containsExactly("登记", "告知不予受理", "先行联系", "受理审查", "调解", "告知终止调解", "举报核查", "告知举报人", "回访");
        assertThat(Deadline.of("FIRST_CONTACT")).isEqualTo(Deadline.FIRST_CONTACT);
        assertThatThrownBy(() -> Deadline.of("ACCEPT")).hasMessageContaining("Unknown deadline 'ACCEPT'");
        assertThatThrownBy(() -> Deadline.of(null)).hasMessageContaining("Unknown deadline 'null'");
    }

    @Test
    void theTimeOfReceiptIsReadAsShanghaiWallTimeOrAsAnIsoInstant() {
        assertThat(CaseFacts.instant("2026-11-28 09:30:00")).isEqualTo(RECEIVED);
        assertThat(CaseFacts.instant("2026-11-28T01:30:00Z")).isEqualTo(RECEIVED);
        assertThat(CaseFacts.instant("2026-11-28T09:30:00+08:00")).isEqualTo(RECEIVED);
    }

    private MimeMessage onlyMail() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private int loggedMails() {
        return jdbc.sql("select count(*) from mail_log").query(Integer.class).single();
    }

    /** The To addresses; GreenMail keeps one copy of a mail per recipient. */
    private static List<String> recipients(MimeMessage mail) throws MessagingException {
        return Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
    }

    /** The decoded text, whatever transfer encoding the mail used. */
    private static String text(MimeMessage mail) throws IOException, MessagingException {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    private void group(String id, User... members) {
        UserQuery query = mock(UserQuery.class, RETURNS_SELF);
        when(query.list()).thenReturn(List.of(members));
        when(users.memberOfGroup(id)).thenReturn(query);
    }

    private static User user(String id, String email) {
        UserEntity user = new UserEntity(id);
        user.setEmail(email);
        return user;
    }
}
