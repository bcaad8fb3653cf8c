package org.casedesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CentreTime;
import org.casedesk.casefile.Closure;
import org.casedesk.casefile.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and sends the centre's mails. The delegates call it from asynchronous BPMN steps, so the
 * business transaction before the step has committed when a mail goes out, and a mail that cannot be sent
 * throws: the step's job rolls back, the engine retries it, and Cockpit shows an incident when the retries
 * are used up. A mail outage delays mail and loses nothing.
 * <p>
 * Exactly once, as far as the database can make it: each mail has a message key naming the notification,
 * the case and the execution of the BPMN step (the same across the retries of its job, new each time a timer
 * fires again; the daily bulletin's names the day instead), and is recorded in {@code mail_log} in the step's
 * transaction before it is sent. A key already recorded was sent by a committed step and is not sent again; a
 * second node running the same job waits on the uncommitted row and then skips it; the row of a mail that
 * failed rolls back with its job. Only a failure after the SMTP server accepted the mail and before the commit
 * can still send it twice.
 * <p>
 * Staff are reached through the e-mail addresses of the Camunda users in a group; users without a valid
 * address are skipped, and a mail nobody can receive is logged as a warning and not sent. Staff mails travel outside
 * the system and show the complainant's name masked and no phone or address at all: who must call the consumer finds
 * the number in the task. Only the consumer's own mails go to the consumer's address.
 */
@Service
@Transactional
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationService {

    static final String SUPERVISORS = "supervisors";

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final String NOT_SET = "未设定";

    private final ObjectProvider<JavaMailSender> mailSender;
    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final NotificationProperties properties;
    private final Map<Notification, MailTemplate> templates = new EnumMap<>(Notification.class);

    /** @param mailSender Spring Boot's, present when {@code spring.mail.host} is set; sending fails without it */
    NotificationService(ObjectProvider<JavaMailSender> mailSender, JdbcClient jdbc, IdentityService identityService,
            NotificationProperties properties) {
        this.mailSender = mailSender;
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.properties = properties;
        for (Notification notification : Notification.values()) {
            templates.put(notification, MailTemplate.load(notification.template()));
        }
    }

    /** 超期提示: tells the group that must act that the deadline is near. */
    void remind(CaseFacts facts, DeadlineNotice notice, String stepExecution) {
        send(Notification.REMINDER, facts.caseNumber(),
                key(Notification.REMINDER, notice.deadline(), facts, stepExecution), staff(notice.recipientGroup()),
                deadlineValues(facts, notice));
    }

    /** 超期通报: tells the group that must act, and the supervisors, that the deadline has passed. */
    void reportOverdue(CaseFacts facts, DeadlineNotice notice, String stepExecution) {
        Set<String> recipients = staff(notice.recipientGroup());
        recipients.addAll(staff(SUPERVISORS));
        send(Notification.OVERDUE, facts.caseNumber(),
                key(Notification.OVERDUE, notice.deadline(), facts, stepExecution), recipients,
                deadlineValues(facts, notice));
    }

    /** 受理回执: tells the consumer the case number and how to follow it, when the consumer gave an e-mail. */
    void acknowledge(CaseFacts facts, String stepExecution) {
        if (!mailable(facts)) {
            return;
        }
        Map<String, String> values = caseValues(facts);
        values.put("receivedAt", facts.receivedAt() == null ? null : CentreTime.MINUTES.format(facts.receivedAt()));
        send(Notification.ACKNOWLEDGEMENT, facts.caseNumber(),
                key(Notification.ACKNOWLEDGEMENT, null, facts, stepExecution), Set.of(facts.complainantEmail()),
                values);
    }

    /** 办结告知: tells the consumer how the case ended and the unit's outcome, when the consumer gave an e-mail. */
    void tellOutcome(CaseFacts facts, String stepExecution) {
        if (!mailable(facts)) {
            return;
        }
        if (facts.closure() == null) {
            throw new IllegalArgumentException("Case " + facts.caseNumber() + " has no closure: the outcome mail "
                    + "must follow Task_CloseCase");
        }
        Map<String, String> values = caseValues(facts);
        values.put("closure", closureText(Closure.valueOf(facts.closure())));
        values.put("outcomeNote", orElse(facts.outcomeNote(), "无"));
        send(Notification.OUTCOME, facts.caseNumber(), key(Notification.OUTCOME, null, facts, stepExecution),
                Set.of(facts.complainantEmail()), values);
    }

    /**
     * 每日超期通报: tells the supervisors which cases are overdue, by unit, or that none is. Its key is the day,
     * {@code BULLETIN:20261130}, so a day's bulletin is mailed once however often its step runs.
     */
    void sendBulletin(OverdueBulletin bulletin) {
        Map<String, String> values = new HashMap<>();
        values.put("bulletinDate", bulletin.day().toString());
        values.put("asOf", CentreTime.MINUTES.format(ClockUtil.getCurrentTime().toInstant()));
        values.put("caseCount", String.valueOf(bulletin.caseCount()));
        values.put("overdueCases", bulletin.text());
        values.put("tasklistUrl", properties.tasklistUrl());
        send(bulletin.isEmpty() ? Notification.BULLETIN_NONE : Notification.BULLETIN, null,
                Notification.BULLETIN.name() + ":" + DateTimeFormatter.BASIC_ISO_DATE.format(bulletin.day()),
                staff(SUPERVISORS), values);
    }

    /**
     * Masks the complainant's or reporter's name in staff mails, which travel outside the system (a reporter's
     * identity is confidential, Measures Art. 33): 李明 → 李*, 欧阳娜娜 → 欧***.
     */
    static String mask(String name) {
        if (name == null) {
            return "匿名";
        }
        int first = name.codePointAt(0);
        int hidden = name.codePointCount(0, name.length()) - 1;
        return hidden == 0 ? "*" : Character.toString(first) + "*".repeat(hidden);
    }

    /**
     * The mail's identity: {@code REMINDER:ACCEPTANCE:SH20261128000042:<execution id>}, or without the
     * deadline for the consumer's mails, so each execution of a BPMN step sends its mail once.
     */
    static String key(Notification notification, Deadline deadline, CaseFacts facts, String stepExecution) {
        return notification.name() + (deadline == null ? "" : ":" + deadline.name()) + ":" + facts.caseNumber()
                + ":" + stepExecution;
    }

    /**
     * 周有快报、月有分析: mails the supervisors a report as HTML with its charts as inline images. The key names the
     * report's period ({@code WEEKLY_REPORT:2026-11-16}), so a period's report is mailed once however often its step
     * runs. It holds no consumer's personal data, only figures, units, categories and respondents (businesses).
     */
    public void sendReport(String messageKey, ReportMail report) {
        deliver(messageKey, null, staff(SUPERVISORS), report.subject(),
                helper -> helper.getMimeMessage().setContent(reportBody(report)));
    }

    /**
     * {@code multipart/alternative { text/plain, multipart/related; type="text/html" { text/html, image/png … } }}:
     * the structure RFC 2387 and mail clients expect, so a client without HTML shows the text and one with HTML the
     * page with its images, which are not offered as attachments. Each image is {@code inline}, has the content id
     * the HTML refers to ({@code cid:volume-trend}) and a file name ({@code volume-trend.png}) for who saves it.
     */
    static MimeMultipart reportBody(ReportMail report) throws MessagingException {
        MimeBodyPart html = new MimeBodyPart();
        html.setText(report.html(), StandardCharsets.UTF_8.name(), "html");
        // MimeMultipart takes the subtype as written, so this is how its Content-Type gets the type parameter
        MimeMultipart page = new MimeMultipart("related; type=\"text/html\"");
        page.addBodyPart(html);
        for (Map.Entry<String, byte[]> png : report.inlinePngs().entrySet()) {
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(png.getValue(), "image/png")));
            image.setContentID("<" + png.getKey() + ">");
            image.setDisposition(Part.INLINE);
            image.setFileName(png.getKey() + ".png");
            page.addBodyPart(image);
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(report.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart pageWithImages = new MimeBodyPart();
        pageWithImages.setContent(page);
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(pageWithImages);
        return alternatives;
    }

    /**
     * Whether the mail with this key has been sent, as far as {@code mail_log} knows: the monthly analysis asks it so
     * that a month whose timer firing was missed still gets its analysis on a later day.
     */
    public boolean wasSent(String messageKey) {
        return jdbc.sql("select count(*) from mail_log where message_key = ?").param(messageKey).query(Long.class)
                .single() > 0;
    }

    private void send(Notification notification, String caseNumber, String messageKey, Set<String> recipients,
            Map<String, String> values) {
        MailTemplate.Mail mail = templates.get(notification).render(values);
        deliver(messageKey, caseNumber, recipients, mail.subject(), helper -> helper.setText(mail.text()));
    }

    /** What a mail holds besides its sender, recipients and subject. */
    private interface Content {
        void write(MimeMessageHelper helper) throws MessagingException;
    }

    /** Records the mail once in {@code mail_log} and sends it, or does nothing when its key was sent before. */
    private void deliver(String messageKey, String caseNumber, Set<String> recipients, String subject,
            Content content) {
        if (recipients.isEmpty()) {
            log.warn("{} not sent: nobody to send it to", messageKey);
            return;
        }
        if (!recordOnce(messageKey, caseNumber, recipients, subject)) {
            log.debug("{} was sent before", messageKey);
            return;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server configured (spring.mail.host): " + messageKey + " waits");
        }
        sender.send(message -> {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject);
            content.write(helper);
        });
        // the count, not the addresses: a consumer's e-mail address is personal data (they are in mail_log)
        log.info("{} sent to {} recipient(s)", messageKey, recipients.size());
    }

    /** Inserts the mail's row in the current transaction; false when the key is already there. */
    private boolean recordOnce(String messageKey, String caseNumber, Set<String> recipients, String subject) {
        try {
            jdbc.sql("""
                    insert into mail_log (message_key, case_number, recipients, subject, sent_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(messageKey, caseNumber, String.join(",", recipients), subject,
                            UtcColumns.toColumn(ClockUtil.getCurrentTime().toInstant()))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadySent) {
            return false;
        }
    }

    private Set<String> staff(String group) {
        Set<String> addresses = new LinkedHashSet<>();
        for (User user : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            if (valid(user.getEmail())) {
                addresses.add(user.getEmail().trim());
            } else {
                log.warn("User {} of group {} has an invalid e-mail address and is not mailed", user.getId(), group);
            }
        }
        if (addresses.isEmpty()) {
            log.warn("Group {} has no user with an e-mail address", group);
        }
        return addresses;
    }

    /** Whether the consumer gave an e-mail address a mail can go to. */
    private static boolean mailable(CaseFacts facts) {
        if (facts.complainantEmail() == null) {
            log.debug("Case {}: the consumer gave no e-mail address", facts.caseNumber());
            return false;
        }
        if (!valid(facts.complainantEmail())) {
            log.warn("Case {}: the consumer's e-mail address is invalid and is not mailed", facts.caseNumber());
            return false;
        }
        return true;
    }

    private static boolean valid(String address) {
        try {
            new InternetAddress(address.trim(), true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private Map<String, String> deadlineValues(CaseFacts facts, DeadlineNotice notice) {
        Map<String, String> values = caseValues(facts);
        values.put("deadlineName", notice.deadline().displayName());
        values.put("dueAt", notice.dueAt() == null ? NOT_SET : CentreTime.MINUTES.format(notice.dueAt()));
        values.put("complainantName", mask(facts.complainantName()));
        values.put("respondentName", orElse(facts.respondentName(), "未填写"));
        values.put("handlingUnitName", orElse(facts.handlingUnitName(), "尚未分送"));
        values.put("tasklistUrl", properties.tasklistUrl());
        return values;
    }

    /** The values every template may use; the case number is required, so it is never defaulted. */
    private static Map<String, String> caseValues(CaseFacts facts) {
        Map<String, String> values = new HashMap<>();
        values.put("caseNumber", facts.caseNumber());
        return values;
    }

    private static String closureText(Closure closure) {
        return switch (closure) {
            case ANSWERED -> "您的咨询（建议）已答复";
            case NOT_ACCEPTED -> "不予受理";
            case REJECTED_BY_UNIT -> "承办单位不予受理";
            case RESOLVED -> "已办理完毕";
            case DISSATISFIED -> "经督办后办结";
            case UNREACHABLE -> "回访时多次未能联系到您，按规定办结";
            case MERGED -> "与您尚在办理中的另一件案件反映同一问题，已并入该案件一并办理，办理结果随该案件告知";
        };
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
