package org.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.casedesk.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.casedesk.TestDatabase;

/**
 * {@code processes/overdue-bulletin.bpmn} as the application deploys it: its timer, the delegate beans it binds,
 * the demo supervisors' addresses and the real case tables. The test fires the jobs the job executor would.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=127.0.0.1"})
class OverdueBulletinApplicationTests {

    static final int SMTP_PORT = FreePort.next();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    /** Monday 2026-11-30, 09:00 in Shanghai. */
    static final Instant MONDAY_0900 = Instant.parse("2026-11-30T01:00:00Z");

    @DynamicPropertySource
    static void databaseAndSmtpPort(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "overdue-bulletin-app");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDailyTimerMailsTheSupervisorsOnAWorkingDayAfterItsOwnTransactionCommitted() throws Exception {
        ClockUtil.setCurrentTime(Date.from(MONDAY_0900));

        managementService.executeJob(dailyTimer().getId());

        Job mailStep = managementService.createJobQuery().processDefinitionKey("overdue-bulletin")
                .activityId("Task_SendOverdueBulletin").singleResult();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(dailyTimer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));

        managementService.executeJob(mailStep.getId());
        managementService.executeJob(managementService.createJobQuery().processDefinitionKey("overdue-bulletin")
                .activityId("Task_SendOverdueBulletin").singleResult().getId()); // the step's end, after the mail

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(Arrays.stream(received[0].getAllRecipients()).map(Address::toString))
                .containsExactly("supervisor@casedesk.example");
        assertThat(received[0].getSubject()).isEqualTo("【超期通报】2026-11-30 今日无超期案件");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("overdue-bulletin").count())
                .isZero();
    }

    private Job dailyTimer() {
        return managementService.createJobQuery().processDefinitionKey("overdue-bulletin").timers().singleResult();
    }
}
