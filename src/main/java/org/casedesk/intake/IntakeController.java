package org.casedesk.intake;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.intake.IntakeRules.FieldError;
import org.casedesk.intake.IntakeService.InvalidCaseException;
import org.casedesk.intake.IntakeService.Receipt;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The intake API for channel systems (the internet platform, the 12345 hotline, 3·15 transfers), under
 * {@code /api/v1/cases}, HTTP Basic as a service account ({@link IntakeProperties#accounts()}). Each account
 * submits and reads the cases of its own channel only.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "接入接口", description = "互联网平台、12345 热线、3·15 转办等接入系统提交和查询案件")
@OpenAPIDefinition(info = @Info(title = "Case Desk 12315 接入接口", version = "v1", description = """
        接入系统以其服务账号（HTTP Basic）提交案件、查询本渠道案件的状态。每个账号只对应一个来源渠道。
        同一渠道的同一接入系统编号（externalReference）只生成一个案件：重复提交返回已有案件（200）。
        错误以 application/problem+json 返回，errors 中逐一列出字段和原因。"""),
        security = @SecurityRequirement(name = "serviceAccount"))
@SecurityScheme(name = "serviceAccount", type = SecuritySchemeType.HTTP, scheme = "basic")
class IntakeController {

    private final IntakeService intake;
    private final CaseFileService caseFiles;
    private final IdentityService identityService;
    private final IntakeProperties properties;
    private final IntakeJson json;

    IntakeController(IntakeService intake, CaseFileService caseFiles, IdentityService identityService,
            IntakeProperties properties, IntakeJson json) {
        this.intake = intake;
        this.json = json;
        this.caseFiles = caseFiles;
        this.identityService = identityService;
        this.properties = properties;
    }

    /** 201 with the new case and its {@code Location}; 200 with the case an earlier submission of the reference made. */
    @PostMapping
    @Operation(summary = "提交案件", description = "投诉须有投诉人姓名、电话、地址，被投诉人名称、地址，具体诉求和事实经过"
            + "（《市场监督管理投诉举报处理暂行办法》第九条）；举报可匿名，须有被举报人和事实经过；咨询、建议须有内容。"
            + "未写 type 时按投诉的要求检查。12345 工单以工单号为 externalReference，并须带其办理期限 workOrderDueAt："
            + "案件各环节期限不晚于它，办结后回复 12345。",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IntakeRequest.class),
                    examples = {@ExampleObject(name = "投诉", value = IntakeApiExamples.COMPLAINT),
                            @ExampleObject(name = "匿名举报", value = IntakeApiExamples.ANONYMOUS_REPORT),
                            @ExampleObject(name = "12345 工单", value = IntakeApiExamples.WORK_ORDER)})))
    @ApiResponse(responseCode = "201", description = "案件已受理；Location 为其地址", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseStatusView.class),
            examples = @ExampleObject(value = IntakeApiExamples.RECEIVED)))
    @ApiResponse(responseCode = "200", description = "此接入系统编号已有案件，返回该案件", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseStatusView.class),
            examples = @ExampleObject(value = IntakeApiExamples.RECEIVED)))
    @ApiResponse(responseCode = "400", description = "字段缺失、有误、未知或类型不符；未受理", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            examples = @ExampleObject(value = IntakeApiExamples.REFUSED)))
    @ApiResponse(responseCode = "401", description = "未提供或提供了错误的账号密码", content = @Content)
    @ApiResponse(responseCode = "403", description = "非服务账号，或来源渠道不是本账号的渠道", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            examples = @ExampleObject(value = IntakeApiExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "413", description = "请求体超过 64 KB", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            examples = @ExampleObject(value = IntakeApiExamples.TOO_LARGE)))
    ResponseEntity<CaseStatusView> submit(@RequestBody byte[] body, UriComponentsBuilder uri) throws IOException {
        String channel = accountChannel();
        IntakeRequest request = json.read(body);
        if (request.channel() != null && !request.channel().isBlank() && !request.channel().equals(channel)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "此账号只可提交来源渠道为 " + channel + " 的案件，不可提交 " + request.channel());
        }
        if (request.externalReference() != null && request.externalReference().startsWith(Open311Clients.REFERENCE_PREFIX)) {
            // an Open311 client finds its cases by this prefix; another system's case under it would be taken as its own
            throw new InvalidCaseException(List.of(new FieldError("externalReference",
                    "以 " + Open311Clients.REFERENCE_PREFIX + " 开头的编号留给 Open311 客户端")));
        }
        Receipt receipt = intake.submit(request);
        CaseStatusView view = CaseStatusView.of(receipt.caseFile());
        if (!receipt.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(uri.path("/api/v1/cases/{caseNumber}").build(view.caseNumber())).body(view);
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "查询案件状态", description = "当前状态和各环节（受理、登记、分送、承办完成、办结）的时间；不含个人信息。"
            + "作为重复来电并入另一案件的，mergedInto 为该案件编号，其办理结果随该案件。")
    @ApiResponse(responseCode = "200", description = "本渠道的案件", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseStatusView.class),
            examples = {@ExampleObject(name = "办理中", value = IntakeApiExamples.WITH_UNIT),
                    @ExampleObject(name = "重复来电，已并入另一案件", value = IntakeApiExamples.MERGED)}))
    @ApiResponse(responseCode = "404", description = "本渠道没有此案件编号", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            examples = @ExampleObject(value = IntakeApiExamples.NOT_FOUND)))
    CaseStatusView status(@PathVariable String caseNumber) {
        String channel = accountChannel();
        return caseFiles.find(caseNumber).filter(caseFile -> caseFile.channel().equals(channel))
                .map(CaseStatusView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "本渠道没有案件编号为 " + caseNumber + " 的案件"));
    }

    /**
     * The channel's case with this external reference, and the report split off it at registration (a
     * complaint-and-report becomes two linked cases); empty when the channel has no such case.
     */
    @GetMapping(params = "externalReference")
    @Operation(summary = "按接入系统编号查找案件",
            description = "返回该编号的案件；登记时拆分出的举报案件（投诉并举报）一并返回。没有时为空列表。")
    List<CaseStatusView> byExternalReference(@RequestParam String externalReference) {
        return caseFiles.listByExternalReference(accountChannel(), externalReference).stream()
                .map(CaseStatusView::of).toList();
    }

    /** The channel of the calling service account; staff accounts are refused. */
    private String accountChannel() {
        Authentication caller = identityService.getCurrentAuthentication();
        String channel = caller == null ? null : properties.accounts().get(caller.getUserId());
        if (channel == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有接入系统的服务账号可以使用接入接口");
        }
        return channel;
    }
}
