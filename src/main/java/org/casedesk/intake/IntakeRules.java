package org.casedesk.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.casedesk.intake.IntakeRequest.Complainant;
import org.casedesk.intake.IntakeRequest.Respondent;
import org.casedesk.registration.RegistrationLists;
import org.casedesk.routing.RoutingTable;
import org.springframework.stereotype.Component;

/**
 * What a submitted case must hold. A complaint needs the complainant's name, phone and address, the respondent's
 * name and address, the claim and the facts (Measures Art. 9); a report needs only the respondent and the facts
 * and may be anonymous; a consultation or suggestion needs its text. Lengths are those of the case table, the
 * phone pattern that of the start form. Every problem is reported, each with its field, not only the first.
 */
@Component
class IntakeRules {

    static final String HOTLINE_12345 = "HOTLINE_12345";
    static final Set<String> TYPES = Set.of("COMPLAINT", "REPORT", "COMPLAINT_AND_REPORT", "CONSULTATION", "SUGGESTION");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
    private static final String ART_9 = "（《市场监督管理投诉举报处理暂行办法》第九条）";

    private final RegistrationLists lists;
    private final RoutingTable routingTable;

    IntakeRules(RegistrationLists lists, RoutingTable routingTable) {
        this.lists = lists;
        this.routingTable = routingTable;
    }

    /** One problem with the submission: the JSON path of the field and why it is refused. */
    record FieldError(String field, String reason) {
    }

    List<FieldError> check(IntakeRequest request, Instant now) {
        Errors errors = new Errors();
        errors.require("channel", request.channel(), "来源渠道必填");
        errors.require("externalReference", request.externalReference(), "接入系统的案件编号必填");
        errors.pattern("externalReference", request.externalReference(), REFERENCE, 100,
                "只可含字母、数字和 . _ : / -，最长 100 个字符");
        String type = request.type() == null ? "COMPLAINT" : request.type();
        if (!TYPES.contains(type)) {
            errors.add("type", "类型应为 " + String.join("、", TYPES.stream().sorted().toList()) + " 之一");
        }
        if (request.category() != null && !lists.isCategory(request.category())) {
            errors.add("category", "不在案件分类清单中");
        }
        errors.require("description", request.description(), "必须写明事实经过" + ART_9);
        errors.maxLength("description", request.description(), 4000);
        errors.maxLength("claim", request.claim(), 1000);
        if (request.amount() != null && (request.amount().signum() < 0 || request.amount().compareTo(MAX_AMOUNT) > 0
                || request.amount().scale() > 2)) {
            errors.add("amount", "应为 0 至 9999999999.99 之间、至多两位小数的金额");
        }
        if (request.occurredAt() != null && request.occurredAt().toInstant().isAfter(now)) {
            errors.add("occurredAt", "不能晚于现在");
        }
        if (HOTLINE_12345.equals(request.channel())) {
            if (request.workOrderDueAt() == null) {
                errors.add("workOrderDueAt", "12345 工单须带其办理期限");
            } else if (!request.workOrderDueAt().toInstant().isAfter(now)) {
                errors.add("workOrderDueAt", "12345 工单的办理期限已过，请先与 12345 确认新的期限");
            }
        } else if (request.workOrderDueAt() != null) {
            errors.add("workOrderDueAt", "只有 12345 工单（HOTLINE_12345）带办理期限");
        }
        // a part left out is checked as a part with every field empty
        Complainant complainant = request.complainant() == null
                ? new Complainant(null, null, null, null) : request.complainant();
        Respondent respondent = request.respondent() == null
                ? new Respondent(null, null, null, null, null) : request.respondent();
        checkComplainant(complainant, errors);
        checkRespondent(respondent, errors);
        switch (type) {
            case "COMPLAINT", "COMPLAINT_AND_REPORT" -> {
                errors.require("complainant.name", complainant.name(), "投诉须有投诉人姓名" + ART_9);
                errors.require("complainant.phone", complainant.phone(), "投诉须有投诉人电话" + ART_9);
                errors.require("complainant.address", complainant.address(), "投诉须有投诉人地址" + ART_9);
                errors.require("respondent.name", respondent.name(), "投诉须有被投诉举报人名称" + ART_9);
                errors.require("respondent.address", respondent.address(), "投诉须有被投诉人地址" + ART_9);
                errors.require("claim", request.claim(), "投诉须有具体诉求" + ART_9);
            }
            case "REPORT" -> errors.require("respondent.name", respondent.name(), "举报须有被投诉举报人名称" + ART_9);
            default -> {
                // a consultation or suggestion needs only its text
            }
        }
        return errors.list;
    }

    private void checkComplainant(Complainant complainant, Errors errors) {
        errors.maxLength("complainant.name", complainant.name(), 100);
        errors.pattern("complainant.phone", complainant.phone(), PHONE, 30, "应为手机号（11 位）或固定电话（如 021-62345678）");
        errors.maxLength("complainant.address", complainant.address(), 300);
        errors.pattern("complainant.email", complainant.email(), EMAIL, 200, "不是有效的电子邮箱地址");
    }

    private void checkRespondent(Respondent respondent, Errors errors) {
        errors.maxLength("respondent.name", respondent.name(), 200);
        errors.maxLength("respondent.address", respondent.address(), 300);
        if (respondent.district() != null && !routingTable.isDistrict(respondent.district())) {
            errors.add("respondent.district", "不是上海市的区代码（GB/T 2260，如 310101）");
        }
        errors.maxLength("respondent.street", respondent.street(), 100);
        errors.maxLength("respondent.platform", respondent.platform(), 100);
    }

    /** The problems found so far, in the order the fields were checked. */
    private static final class Errors {

        final List<FieldError> list = new ArrayList<>();

        void add(String field, String reason) {
            list.add(new FieldError(field, reason));
        }

        void require(String field, String value, String reason) {
            if (value == null || value.isBlank()) {
                add(field, reason);
            }
        }

        void maxLength(String field, String value, int max) {
            if (value != null && value.codePointCount(0, value.length()) > max) {
                add(field, "最长 " + max + " 个字符");
            }
        }

        void pattern(String field, String value, Pattern pattern, int max, String reason) {
            if (value != null && !value.isBlank() && (value.length() > max || !pattern.matcher(value).matches())) {
                add(field, reason);
            }
        }
    }
}
