package org.casedesk.intake;

import static org.casedesk.intake.Open311Format.fields;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.casedesk.intake.IntakeRequest.Complainant;
import org.casedesk.intake.IntakeRequest.Respondent;
import org.casedesk.intake.IntakeRules.FieldError;
import org.casedesk.routing.RoutingTable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An Open311 {@code POST requests} form as an {@link IntakeRequest}, so it meets the same rules as the intake API.
 * Open311's own fields carry the facts ({@code description}), the complainant ({@code last_name} + {@code
 * first_name}, Chinese order, {@code phone}, {@code email}) and the place of the problem ({@code address_string},
 * the respondent's address); the service attributes ({@code attribute[code]}) carry the rest of what Measures
 * Art. 9 asks for. Each POST gets a token, the client's {@code attribute[external_reference]} or a new UUID,
 * kept as the case's external reference {@code open311:<client>:<token>}, so that a client resending its reference
 * gets the same case, and references never meet those of another client or of the intake API.
 */
@Component
class Open311Form {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Map<String, String> TYPE_NAMES = typeNames();
    /** Open311 fields the case table has no place for: accepted, and named in the answer as not kept. */
    private static final Set<String> NOT_KEPT = Set.of("lat", "long", "address_id", "media_url", "device_id",
            "account_id", "jurisdiction_id");
    private static final Set<String> FIELDS = Set.of("api_key", "service_code", "description", "address_string",
            "email", "phone", "first_name", "last_name");

    /**
     * A service attribute: its code, Open311 datatype, Chinese description, the intake field it fills, and whether
     * a POST without type, a complaint, needs it: generic clients build their forms from {@code required}.
     */
    record Attribute(String code, String datatype, String description, String intakeField, boolean required) {
    }

    static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute("type", "singlevaluelist", "类型：投诉、举报、投诉并举报、咨询或建议；不填按投诉", "type", false),
            new Attribute("complainant_address", "string", "投诉人地址；投诉必填（《市场监督管理投诉举报处理暂行办法》第九条）",
                    "complainant.address", true),
            new Attribute("respondent_name", "string", "被投诉举报人（经营者）名称；投诉、举报必填", "respondent.name", true),
            new Attribute("respondent_district", "singlevaluelist", "被投诉举报人所在的区", "respondent.district", false),
            new Attribute("respondent_street", "string", "被投诉举报人所在的街道或镇", "respondent.street", false),
            new Attribute("platform", "string", "网络购物时的平台名称", "respondent.platform", false),
            new Attribute("claim", "text", "具体诉求；投诉必填", "claim", true),
            new Attribute("amount", "number", "涉及金额（元），至多两位小数", "amount", false),
            new Attribute("occurred_at", "datetime", "事发时间，带时区，如 2026-11-20T10:00:00+08:00", "occurredAt", false),
            new Attribute("external_reference", "string",
                    "贵系统的编号，可不填：同一编号再次提交不另立案件；字母、数字和 . _ -，最长 64 个字符", "externalReference",
                    false));

    /** The Open311 name of each intake field, for errors. */
    private static final Map<String, String> OPEN311_NAMES = open311Names();

    private final RoutingTable routingTable;

    Open311Form(RoutingTable routingTable) {
        this.routingTable = routingTable;
    }

    /** A POST read: the intake request, its token, what is wrong with the form itself, and what was not kept. */
    record Submission(IntakeRequest request, String token, List<FieldError> errors, List<String> notKept) {
    }

    /**
     * Reads the form from the body itself, through {@link RequestBodyLimit}'s limited stream (the servlet
     * container's own form parsing would read past the limit), together with {@code api_key} from the query string,
     * where clients put it too; nothing else may stand there.
     */
    static MultiValueMap<String, String> read(HttpServletRequest request) throws IOException {
        MediaType type = null;
        try {
            type = MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            // no type or a broken one: answered below like any other type
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "请求体应为 application/x-www-form-urlencoded");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(parse(request.getInputStream(), type));
        if (request.getQueryString() != null) {
            MultiValueMap<String, String> query = parse(new ByteArrayInputStream(
                    request.getQueryString().getBytes(StandardCharsets.UTF_8)), MediaType.APPLICATION_FORM_URLENCODED);
            for (String name : query.keySet()) {
                if (!"api_key".equals(name)) {
                    // addresses end up in proxies' and servers' access logs; a case's personal data must not
                    throw new Open311Exception(HttpStatus.BAD_REQUEST,
                            name + " 须放在请求体中；地址中只可有 api_key（或用请求头 X-Api-Key）");
                }
            }
            query.forEach(form::addAll);
        }
        return form;
    }

    private static MultiValueMap<String, String> parse(InputStream body, MediaType type) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        try {
            return new FormHttpMessageConverter().read(null, new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return body;
                }

                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }
            });
        } catch (IllegalArgumentException | HttpMessageNotReadableException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "请求体或查询参数不是有效的表单编码（% 后应为两位十六进制数）");
        }
    }

    Submission submission(MultiValueMap<String, String> form, Open311Clients.Client client) {
        List<FieldError> errors = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, given) -> {
            if (given.size() > 1) {
                errors.add(new FieldError(name, "只可出现一次"));
            } else if (NOT_KEPT.contains(name)) {
                if (!given.get(0).isBlank()) {
                    notKept.add(name);
                }
            } else if (FIELDS.contains(name) || ATTRIBUTES.stream().anyMatch(a -> name.equals(attribute(a.code())))) {
                values.put(name, given.get(0).isBlank() ? null : given.get(0).trim());
            } else {
                errors.add(new FieldError(name, name.startsWith("attribute[") ? "此服务没有这个属性" : "未知参数"));
            }
        });
        if (values.get("service_code") == null) {
            errors.add(new FieldError("service_code", "必填"));
        }
        String token = values.get(attribute("external_reference"));
        if (token == null) {
            token = UUID.randomUUID().toString();
        } else if (!TOKEN.matcher(token).matches()) {
            errors.add(new FieldError(attribute("external_reference"), "只可含字母、数字和 . _ -，最长 64 个字符"));
        }
        String name = join(values.get("last_name"), values.get("first_name"));
        IntakeRequest request = new IntakeRequest(client.channel(), client.reference(token),
                values.get(attribute("type")), values.get("service_code"),
                new Complainant(name, values.get("phone"), values.get(attribute("complainant_address")),
                        values.get("email")),
                new Respondent(values.get(attribute("respondent_name")), values.get("address_string"),
                        values.get(attribute("respondent_district")), values.get(attribute("respondent_street")),
                        values.get(attribute("platform"))),
                values.get("description"), values.get(attribute("claim")),
                amount(values.get(attribute("amount")), errors),
                occurredAt(values.get(attribute("occurred_at")), errors), null);
        return new Submission(request, token, errors, notKept);
    }

    /** The attributes of every service, as {@code GET services/{code}} lists them. */
    List<Map<String, Object>> attributes() {
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Attribute attribute : ATTRIBUTES) {
            Map<String, String> choices = switch (attribute.code()) {
                case "type" -> TYPE_NAMES;
                case "respondent_district" -> routingTable.districts();
                default -> Map.of();
            };
            attributes.add(fields("variable", true, "code", attribute.code(), "datatype", attribute.datatype(),
                    "required", attribute.required(), "datatype_description", null, "order", attributes.size() + 1,
                    "description", attribute.description(), "values", choices.entrySet().stream()
                            .map(choice -> fields("key", choice.getKey(), "name", choice.getValue())).toList()));
        }
        return attributes;
    }

    /** The Open311 name of an intake field ({@code respondent.address} → {@code address_string}). */
    static String open311Name(String intakeField) {
        return OPEN311_NAMES.getOrDefault(intakeField, intakeField);
    }

    private static String attribute(String code) {
        return "attribute[" + code + "]";
    }

    private static String join(String lastName, String firstName) {
        String name = (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
        return name.isEmpty() ? null : name;
    }

    private static BigDecimal amount(String value, List<FieldError> errors) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(attribute("amount"), "应为数字，如 5999 或 5999.50"));
            return null;
        }
    }

    private static OffsetDateTime occurredAt(String value, List<FieldError> errors) {
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(attribute("occurred_at"), "应为带时区的 ISO 8601 时间（如 2026-11-20T10:00:00+08:00）"));
            return null;
        }
    }

    private static Map<String, String> typeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("COMPLAINT", "投诉");
        names.put("REPORT", "举报");
        names.put("COMPLAINT_AND_REPORT", "投诉并举报");
        names.put("CONSULTATION", "咨询");
        names.put("SUGGESTION", "建议");
        return names;
    }

    private static Map<String, String> open311Names() {
        Map<String, String> names = ATTRIBUTES.stream()
                .collect(Collectors.toMap(Attribute::intakeField, attribute -> attribute(attribute.code())));
        names.putAll(Map.of("category", "service_code", "complainant.name", "last_name/first_name",
                "complainant.phone", "phone", "complainant.email", "email", "respondent.address", "address_string"));
        return names;
    }
}
