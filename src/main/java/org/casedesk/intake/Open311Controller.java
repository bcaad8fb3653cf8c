package org.casedesk.intake;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.CaseStatus;
import org.casedesk.casefile.CentreTime;
import org.casedesk.intake.IntakeRules.FieldError;
import org.casedesk.intake.IntakeService.InvalidCaseException;
import org.casedesk.intake.IntakeService.Receipt;
import org.casedesk.intake.Open311Requests.Open311Request;
import org.casedesk.registration.RegistrationLists;
import org.casedesk.registration.RegistrationLists.Category;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}, so that civic-tech clients
 * can file cases: our categories are its services, and a {@code POST requests} goes through {@link IntakeService}
 * like any intake, to wait in 登记案件. Discovery and the services are public, as the specification intends;
 * everything about requests needs the key of a client of {@link Open311Clients} and shows only that client's own
 * cases ({@link Open311Requests}), with status and dates but no personal data. The format is the path's extension
 * ({@link Open311Format}); errors are Open311's ({@link Open311Errors}).
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** As many requests as a {@code GET requests} answers, the newest; Open311 clients expect 1000. */
    static final int MAX_REQUESTS = 1000;
    static final Duration MAX_RANGE = Duration.ofDays(90);
    private static final Map<String, String> KIND_NAMES = Map.of("GOODS", "商品", "SERVICE", "服务", "OTHER", "其他");

    private final IntakeService intake;
    private final IntakeRules rules;
    private final Open311Form form;
    private final Open311Clients clients;
    private final Open311Requests requests;
    private final CaseFileService caseFiles;
    private final RegistrationLists lists;

    Open311Controller(IntakeService intake, IntakeRules rules, Open311Form form, Open311Clients clients,
            Open311Requests requests, CaseFileService caseFiles, RegistrationLists lists) {
        this.intake = intake;
        this.rules = rules;
        this.form = form;
        this.clients = clients;
        this.requests = requests;
        this.caseFiles = caseFiles;
        this.lists = lists;
    }

    /** Without {@code changeset}s: a fixed date would go stale, and the specification does not require them. */
    @GetMapping("/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2/").toUriString();
        return Open311Format.of(format).respond(HttpStatus.OK, "discovery", fields(
                "contact", "上海市 12315 消费者投诉举报中心",
                "key_service", "api_key 由中心为每个接入系统发放，每个 api_key 对应一个来源渠道",
                "endpoints", List.of(fields("specification", SPECIFICATION, "url", url,
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

    /**
     * 201 with the new case's number and token; 200 with the case an earlier POST of the same token made. The
     * parameters may come in the body or the query string, the key also as {@value Open311Clients#HEADER}.
     */
    @PostMapping("/requests.{format}")
    ResponseEntity<byte[]> submit(@PathVariable String format,
            @RequestHeader(name = Open311Clients.HEADER, required = false) String apiKeyHeader,
            HttpServletRequest request) throws IOException {
        Open311Format open311 = Open311Format.of(format);
        MultiValueMap<String, String> submitted = Open311Form.read(request);
        Open311Clients.Client client = clients.authenticate(submitted.getFirst("api_key"), apiKeyHeader);
        Open311Form.Submission submission = form.submission(submitted, client);
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
     * The client's requests: those named by {@code service_request_id} (comma-separated, at most 1000), or the
     * newest 1000 received between {@code start_date} and {@code end_date} (at most 90 days; the last 90 days by
     * default), optionally of one {@code service_code} and {@code status} (open, closed).
     */
    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestHeader(name = Open311Clients.HEADER, required = false) String apiKeyHeader,
            @RequestParam(name = "service_request_id", required = false) String serviceRequestIds,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(required = false) String status) {
        Open311Format open311 = Open311Format.of(format);
        Open311Clients.Client client = clients.authenticate(apiKey, apiKeyHeader);
        List<Open311Request> found;
        if (serviceRequestIds != null) {
            found = requests.byCaseNumbers(client, caseNumbers(serviceRequestIds));
        } else {
            Instant end = endDate == null ? ClockUtil.getCurrentTime().toInstant() : instant("end_date", endDate);
            Instant start = startDate == null ? end.minus(MAX_RANGE) : instant("start_date", startDate);
            if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date 至 end_date 应在 90 天之内，且不晚于 end_date");
            }
            found = requests.received(client, start, end, closed(status), serviceCode, MAX_REQUESTS);
        }
        return open311.respond(HttpStatus.OK, "service_requests", found.stream().map(this::view).toList());
    }

    @GetMapping("/requests/{serviceRequestId}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String serviceRequestId, @PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestHeader(name = Open311Clients.HEADER, required = false) String apiKeyHeader) {
        Open311Format open311 = Open311Format.of(format);
        Open311Request found = requests.byCaseNumbers(clients.authenticate(apiKey, apiKeyHeader),
                List.of(serviceRequestId)).stream().findFirst().orElseThrow(() -> new Open311Exception(
                        HttpStatus.NOT_FOUND, "没有案件编号为 " + serviceRequestId + " 的请求"));
        return open311.respond(HttpStatus.OK, "service_requests", List.of(view(found)));
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestHeader(name = Open311Clients.HEADER, required = false) String apiKeyHeader) {
        Open311Format open311 = Open311Format.of(format);
        Open311Clients.Client client = clients.authenticate(apiKey, apiKeyHeader);
        CaseFile caseFile = caseFiles.findByExternalReference(client.channel(), client.reference(token))
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "没有 token 为 " + token + " 的请求"));
        return open311.respond(HttpStatus.OK, "service_requests",
                List.of(fields("service_request_id", caseFile.caseNumber(), "token", token)));
    }

    /** The case numbers of {@code service_request_id}, each once, in the order given; 400 for more than 1000. */
    private static List<String> caseNumbers(String serviceRequestIds) {
        List<String> caseNumbers = Arrays.stream(serviceRequestIds.split(",")).map(String::trim)
                .filter(caseNumber -> !caseNumber.isEmpty()).distinct().toList();
        if (caseNumbers.size() > MAX_REQUESTS) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_request_id 至多 " + MAX_REQUESTS + " 个");
        }
        return caseNumbers;
    }

    private static Instant instant(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST,
                    parameter + " 应为带时区的 W3C 时间，如 2026-11-20T00:00:00+08:00");
        }
    }

    /** {@code status} as the query needs it: true for closed only, false for open only, null for both. */
    private static Boolean closed(String status) {
        if (status == null) {
            return null;
        }
        Set<String> statuses = Arrays.stream(status.split(",")).map(String::trim).collect(Collectors.toSet());
        if (statuses.isEmpty() || !Set.of("open", "closed").containsAll(statuses)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "status 应为 open、closed 或 open,closed");
        }
        return statuses.size() == 2 ? null : statuses.contains("closed");
    }

    /**
     * A case as Open311 shows it: status, the unit that has it and dates; the facts, names, phone and addresses
     * stay here.
     */
    private Map<String, Object> view(Open311Request request) {
        String serviceName = lists.categories().stream()
                .filter(category -> category.key().equals(request.serviceCode())).map(Category::label)
                .findFirst().orElse(null);
        String statusNotes = request.mergedInto() != null ? "已并入案件 " + request.mergedInto()
                : CaseStatusView.STATUS_NAMES.get(request.status());
        return fields("service_request_id", request.caseNumber(),
                "status", request.status() == CaseStatus.CLOSED ? "closed" : "open", "status_notes", statusNotes,
                "service_name", serviceName, "service_code", request.serviceCode(), "description", null,
                "agency_responsible", request.agencyResponsible(), "service_notice", null,
                "requested_datetime", w3c(request.receivedAt()), "updated_datetime", w3c(request.updatedAt()),
                "expected_datetime", w3c(request.expectedAt()), "address", null, "address_id", null,
                "zipcode", null, "lat", null, "long", null, "media_url", null);
    }

    private static String w3c(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                        .atZone(CentreTime.ZONE));
    }
}
