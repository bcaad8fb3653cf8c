package org.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.casedesk.intake.IntakeRequest.Complainant;
import org.casedesk.intake.IntakeRequest.Respondent;
import org.casedesk.intake.IntakeRules.FieldError;
import org.casedesk.registration.RegistrationLists;
import org.casedesk.routing.RoutingProperties;
import org.casedesk.routing.RoutingTable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** What a submitted case must hold (Measures Art. 9), on the shipped registration lists and routing table. */
class IntakeRulesTests {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    private final IntakeRules rules = new IntakeRules(new RegistrationLists(), new RoutingTable(new RoutingProperties(
            new ClassPathResource("routing/routing-table.csv"), new ClassPathResource("routing/platforms.csv"))));

    @Test
    void aCompleteComplaintHasNoErrors() {
        assertThat(rules.check(complaint(), NOW)).isEmpty();
    }

    @Test
    void withoutATypeACaseIsHeldToTheComplaintRules() {
        IntakeRequest untyped = new IntakeRequest("INTERNET", "WEB-1", null, null, null,
                new Respondent("某店", null, null, null, null), "商品质量问题", null, null, null, null);

        assertThat(rules.check(untyped, NOW)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "complainant.name", "complainant.phone", "complainant.address", "respondent.address", "claim");
    }

    @Test
    void anAnonymousReportNeedsOnlyTheRespondentAndTheFacts() {
        IntakeRequest report = new IntakeRequest("INTERNET", "WEB-2", "REPORT", null, null,
                new Respondent("某无证诊所", null, null, null, null), "无证行医", null, null, null, null);

        assertThat(rules.check(report, NOW)).isEmpty();
    }

    @Test
    void aReportWithoutItsRespondentIsRefused() {
        IntakeRequest report = new IntakeRequest("INTERNET", "WEB-3", "REPORT", null, null, null, "无证行医", null,
                null, null, null);

        assertThat(rules.check(report, NOW)).extracting(FieldError::field).containsExactly("respondent.name");
    }

    @Test
    void aConsultationNeedsOnlyItsText() {
        IntakeRequest consultation = new IntakeRequest("INTERNET", "WEB-4", "CONSULTATION", null, null, null,
                "七天无理由退货包括定制商品吗？", null, null, null, null);

        assertThat(rules.check(consultation, NOW)).isEmpty();
    }

    @Test
    void lengthsCountCharactersSoAFourByteCharacterIsOne() {
        IntakeRequest request = complaintBy("𠮷".repeat(100));
        IntakeRequest tooLong = complaintBy("𠮷".repeat(101));

        assertThat(rules.check(request, NOW)).isEmpty();
        assertThat(rules.check(tooLong, NOW)).extracting(FieldError::field).containsExactly("complainant.name");
    }

    @Test
    void landlineNumbersWithAreaCodesAreAccepted() {
        assertThat(rules.check(complaintFrom("021-62345678"), NOW)).isEmpty();
        assertThat(rules.check(complaintFrom("02162345678"), NOW)).isEmpty();
        assertThat(rules.check(complaintFrom("1381234567"), NOW)).extracting(FieldError::field)
                .containsExactly("complainant.phone");
    }

    @Test
    void anEventInTheFutureOrAnAmountWithThreeDecimalsIsRefused() {
        IntakeRequest request = new IntakeRequest("INTERNET", "WEB-5", "COMPLAINT", null, complaint().complainant(),
                complaint().respondent(), "描述", "退款", new BigDecimal("10.005"),
                OffsetDateTime.parse("2026-11-29T11:00:00+08:00"), null);

        assertThat(rules.check(request, NOW)).extracting(FieldError::field).containsExactly("amount", "occurredAt");
    }

    @Test
    void aWorkOrderOf12345NeedsItsOwnDeadlineStillAhead() {
        assertThat(rules.check(complaintVia("HOTLINE_12345", "2026-12-10T18:00:00+08:00"), NOW)).isEmpty();
        assertThat(rules.check(complaintVia("HOTLINE_12345", null), NOW)).extracting(FieldError::field)
                .containsExactly("workOrderDueAt");
        assertThat(rules.check(complaintVia("HOTLINE_12345", "2026-11-29T09:00:00+08:00"), NOW))
                .extracting(FieldError::reason).containsExactly("12345 工单的办理期限已过，请先与 12345 确认新的期限");
    }

    @Test
    void onlyA12345WorkOrderMayBringItsOwnDeadline() {
        assertThat(rules.check(complaintVia("INTERNET", "2026-12-10T18:00:00+08:00"), NOW)).extracting(FieldError::field)
                .containsExactly("workOrderDueAt");
    }

    private static IntakeRequest complaintVia(String channel, String workOrderDueAt) {
        IntakeRequest complaint = complaint();
        return new IntakeRequest(channel, "GD-1", complaint.type(), complaint.category(), complaint.complainant(),
                complaint.respondent(), complaint.description(), complaint.claim(), complaint.amount(),
                complaint.occurredAt(), workOrderDueAt == null ? null : OffsetDateTime.parse(workOrderDueAt));
    }

    static IntakeRequest complaint() {
        return complaint("李明", "13812345678");
    }

    static IntakeRequest complaintBy(String name) {
        return complaint(name, "13812345678");
    }

    static IntakeRequest complaintFrom(String phone) {
        return complaint("李明", phone);
    }

    static IntakeRequest complaint(String name, String phone) {
        return new IntakeRequest("INTERNET", "WEB-0", "COMPLAINT", "COMMUNICATION_DEVICE",
                new Complainant(name, phone, "上海市徐汇区漕溪北路1号", "li.ming@example.com"),
                new Respondent("徐家汇某数码店", "上海市徐汇区肇嘉浜路1000号", "310104", null, null),
                "屏幕有坏点", "更换新机", new BigDecimal("5999"), OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                null);
    }
}
