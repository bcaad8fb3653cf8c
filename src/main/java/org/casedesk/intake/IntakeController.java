package org.casedesk.intake;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.intake.IntakeService.Receipt;
import org.springframework.http.HttpStatus;
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

/**
 * The intake API for channel systems (the internet platform, the 12345 hotline, 3·15 transfers), under
 * {@code /api/v1/cases}, HTTP Basic as a service account ({@link IntakeProperties#accounts()}). Each account
 * submits and reads the cases of its own channel only.
 */
@RestController
@RequestMapping("/api/v1/cases")
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
    ResponseEntity<CaseStatusView> submit(@RequestBody byte[] body, UriComponentsBuilder uri) throws IOException {
        String channel = accountChannel();
        IntakeRequest request = json.read(body);
        if (request.channel() != null && !request.channel().isBlank() && !request.channel().equals(channel)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "此账号只可提交来源渠道为 " + channel + " 的案件，不可提交 " + request.channel());
        }
        Receipt receipt = intake.submit(request);
        CaseStatusView view = CaseStatusView.of(receipt.caseFile());
        if (!receipt.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(uri.path("/api/v1/cases/{caseNumber}").build(view.caseNumber())).body(view);
    }

    @GetMapping("/{caseNumber}")
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
