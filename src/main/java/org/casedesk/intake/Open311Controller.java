package org.casedesk.intake;

import static org.casedesk.casefile.CaseVariables.CATEGORY;
import static org.casedesk.intake.Open311Format.fields;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.CentreTime;
import org.casedesk.intake.IntakeRules.FieldError;
import org.casedesk.intake.IntakeService.InvalidCaseException;
import org.casedesk.intake.IntakeService.Receipt;
import org.casedesk.registration.RegistrationLists;
import org.casedesk.registration.RegistrationLists.Category;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}, so that civic-tech clients
 * can file cases: our categories are its services, and a {@code POST requests} goes through {@link IntakeService}
 * like any intake, to wait in 登记案件. Discovery and the services are public, as the specification intends;
 * everything about requests needs an {@code api_key} of {@link Open311Properties} and shows only its channel's
 * cases, with status and dates but no personal data. The format is the path's extension ({@link Open311Format});
 * errors are Open311's ({@link Open311Errors}).
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this interface last changed, for discovery's {@code changeset}. */
    static final String CHANGESET = "2026-01-01T00:00:00+08:00";
    static final int MAX_REQUESTS = 1000;
    static final Duration MAX_RANGE = Duration.ofDays(90);
    private static final Map<String, String> KIND_NAMES = Map.of("GOODS", "商品", "SERVICE", "服务", "OTHER", "其他");

    private final IntakeService intake;
    private final IntakeRules rules;
    private final Open311Form form;
    private final CaseFileService caseFiles;
    private final HistoryService historyService;
    private final RegistrationLists lists;
    private final Open311Properties properties;

    Open311Controller(IntakeService intake, IntakeRules rules, Open311Form form, CaseFileService caseFiles,
            HistoryService historyService, RegistrationLists lists, Open311Properties properties) {
        this.intake = intake;
        this.rules = rules;
        this.form = form;
        this.caseFiles = caseFiles;
        this.historyService = historyService;
        this.lists = lists;
        this.properties = properties;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2/").toUriString();
        return Open311Format.of(format).respond(HttpStatus.OK, "discovery", fields(
                "changeset", CHANGESET,
                "contact", "上海市 12315 消费者投诉举报中心",
                "key_service", "api_key 由中心为每个接入系统发放，每个 api_key 对应一个来源渠道",
                "endpoints", List.of(fields("specification", SPECIFICATION, "url", url, "changeset", CHANGESET,
                        "type", "production", "formats", List.of("application/json", "text/xml")))));
    }

    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format) {
        return Open311Format.of(format).respond(HttpStatus.OK, "services", lists.categories().stream()
                .map(category -> fields("service_code", category.key(), "service_name", category.label(),
                        "description", "有关" + category.label() + "的投诉、举报、咨询和建议", "metadata", true,
                        "type", "realtime", "keywords", null, "group", KIND_NAMES.get(category.kind())))
                .toList());
    }

    @GetMapping("/services/{serviceCode}.{format}")
    ResponseEntity<byte[]> service(@PathVariable String serviceCode, @PathVariable String format) {
        Open311Format open311 = Open311Format.of(format);
        if (!lists.isCategory(serviceCode)) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "没有服务 " + serviceCode);
        }
        return open311.respond(HttpStatus.OK, "service_definition",
                fields("service_code", serviceCode, "attributes", form.attributes()));
    }

    /** 201 with the new case's number and token; 200 with the case an earlier POST of the same token made. */
    @PostMapping("/requests.{format}")
    ResponseEntity<byte[]> submit(@PathVariable String format, HttpServletRequest request) throws IOException {
        Open311Format open311 = Open311Format.of(format);
        MultiValueMap<String, String> submitted = Open311Form.read(request);
        String channel = channel(submitted.getFirst("api_key"));
        Open311Form.Submission submission = form.submission(submitted, channel);
        if (!submission.errors().isEmpty()) {
            List<FieldError> errors = new ArrayList<>(submission.errors());
            errors.addAll(rules.check(submission.request(), ClockUtil.getCurrentTime().toInstant()));
            throw new InvalidCaseException(errors);
        }
        Receipt receipt = intake.submit(submission.request());
        String caseNumber = receipt.caseFile().caseNumber();
        String notice = receipt.created() ? "已受理，案件编号 " + caseNumber + "，待登记"
                : "此 external_reference 已有案件 " + caseNumber + "，未再立案";
        if (!submission.notKept().isEmpty()) {
            notice += "；未保存：" + String.join("、", submission.notKept());
        }
        return open311.respond(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK, "service_requests",
                List.of(fields("service_request_id", caseNumber, "token", submission.token(),
                        "service_notice", notice, "account_id", null)));
    }

    /**
     * The channel's requests: those named by {@code service_request_id} (comma-separated), or those received
     * between {@code start_date} and {@code end_date} (at most 90 days; the last 90 days by default), optionally
     * of one {@code service_code} and {@code status} (open, closed). A range holding more than 1000 cases is
     * refused rather than cut short.
     */
    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "service_request_id", required = false) String serviceRequestIds,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(required = false) String status) {
        Open311Format open311 = Open311Format.of(format);
        String channel = channel(apiKey);
        List<CaseFile> cases;
        if (serviceRequestIds != null) {
            cases = Arrays.stream(serviceRequestIds.split(",")).map(String::trim)
                    .map(caseNumber -> caseFiles.find(caseNumber).filter(caseFile -> caseFile.channel().equals(channel)))
                    .flatMap(Optional::stream).toList();
        } else {
            cases = inRange(channel, startDate, endDate);
        }
        Map<String, String> serviceCodes = serviceCodes(cases);
        Set<String> statuses = statuses(status);
        return open311.respond(HttpStatus.OK, "service_requests", cases.stream()
                .filter(caseFile -> serviceRequestIds != null || statuses.contains(open311Status(caseFile)))
                .filter(caseFile -> serviceRequestIds != null || serviceCode == null
                        || serviceCode.equals(serviceCodes.get(caseFile.caseNumber())))
                .map(caseFile -> view(caseFile, serviceCodes.get(caseFile.caseNumber()))).toList());
    }

    @GetMapping("/requests/{serviceRequestId}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String serviceRequestId, @PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey) {
        Open311Format open311 = Open311Format.of(format);
        CaseFile caseFile = channelsCase(channel(apiKey), serviceRequestId);
        return open311.respond(HttpStatus.OK, "service_requests",
                List.of(view(caseFile, serviceCodes(List.of(caseFile)).get(caseFile.caseNumber()))));
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey) {
        Open311Format open311 = Open311Format.of(format);
        CaseFile caseFile = caseFiles.findByExternalReference(channel(apiKey), Open311Form.REFERENCE_PREFIX + token)
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "本渠道没有 token 为 " + token + " 的请求"));
        return open311.respond(HttpStatus.OK, "service_requests",
                List.of(fields("service_request_id", caseFile.caseNumber(), "token", token)));
    }

    /** The channel of the api_key; 403 without one or with an unknown one. */
    private String channel(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "缺少 api_key");
        }
        String channel = properties.apiKeys().get(apiKey);
        if (channel == null) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key 无效");
        }
        return channel;
    }

    private CaseFile channelsCase(String channel, String caseNumber) {
        return caseFiles.find(caseNumber).filter(caseFile -> caseFile.channel().equals(channel))
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                        "本渠道没有案件编号为 " + caseNumber + " 的请求"));
    }

    private List<CaseFile> inRange(String channel, String startDate, String endDate) {
        Instant end = endDate == null ? ClockUtil.getCurrentTime().toInstant() : instant("end_date", endDate);
        Instant start = startDate == null ? end.minus(MAX_RANGE) : instant("start_date", startDate);
        if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date 至 end_date 应在 90 天之内，且不晚于 end_date");
        }
        List<CaseFile> cases = caseFiles.listByChannel(channel, start, end, MAX_REQUESTS + 1);
        if (cases.size() > MAX_REQUESTS) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST,
                    "此时间范围内超过 " + MAX_REQUESTS + " 个请求，请以 start_date 和 end_date 缩小范围");
        }
        return cases;
    }

    private static Instant instant(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST,
                    parameter + " 应为带时区的 W3C 时间，如 2026-11-20T00:00:00+08:00");
        }
    }

    private static Set<String> statuses(String status) {
        if (status == null) {
            return Set.of("open", "closed");
        }
        Set<String> statuses = Arrays.stream(status.split(",")).map(String::trim).collect(Collectors.toSet());
        if (!Set.of("open", "closed").containsAll(statuses)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "status 应为 open、closed 或 open,closed");
        }
        return statuses;
    }

    private static String open311Status(CaseFile caseFile) {
        return caseFile.status() == CaseStatus.CLOSED ? "closed" : "open";
    }

    /**
     * Each case's service code: its registered category, or before registration the category the submission
     * gave as a hint, which the process holds until the operator confirms or changes it.
     */
    private Map<String, String> serviceCodes(List<CaseFile> cases) {
        Map<String, String> codes = new HashMap<>();
        Map<String, String> unregistered = new HashMap<>(); // process instance → case number
        for (CaseFile caseFile : cases) {
            if (caseFile.category() != null) {
                codes.put(caseFile.caseNumber(), caseFile.category());
            } else if (caseFile.processInstanceId() != null) {
                unregistered.put(caseFile.processInstanceId(), caseFile.caseNumber());
            }
        }
        if (!unregistered.isEmpty()) {
            for (HistoricVariableInstance hint : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(unregistered.keySet().toArray(String[]::new)).variableName(CATEGORY).list()) {
                if (hint.getValue() instanceof String category) {
                    codes.put(unregistered.get(hint.getProcessInstanceId()), category);
                }
            }
        }
        return codes;
    }

    /** A case as Open311 shows it: status and dates only; the facts, names, phone and addresses stay here. */
    private Map<String, Object> view(CaseFile caseFile, String serviceCode) {
        CaseStatusView status = CaseStatusView.of(caseFile);
        Instant updated = status.history().get(status.history().size() - 1).at();
        String serviceName = lists.categories().stream().filter(category -> category.key().equals(serviceCode))
                .map(Category::label).findFirst().orElse(null);
        return fields("service_request_id", caseFile.caseNumber(), "status", open311Status(caseFile),
                "status_notes", status.statusName(), "service_name", serviceName, "service_code", serviceCode,
                "description", null, "agency_responsible", null, "service_notice", null,
                "requested_datetime", w3c(caseFile.receivedAt()), "updated_datetime", w3c(updated),
                "expected_datetime", null, "address", null, "address_id", null, "zipcode", null, "lat", null,
                "long", null, "media_url", null);
    }

    private static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(CentreTime.ZONE));
    }
}
