package org.casedesk.workorder;

import org.casedesk.casefile.CaseFileService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * Answers a 12345 work order when its case closes (DESIGN.md, 办结: "the originating system (12345) gets the
 * reply"): posts the {@link WorkOrderReply} to {@code casedesk.work-order.reply-url}. Any failure — no URL, no
 * connection, an answer other than 2xx — is thrown, so the engine retries the step and finally raises an incident.
 * Timeouts are Spring Boot's {@code spring.http.client.*}.
 */
@Service
class WorkOrderReplies {

    private final CaseFileService caseFiles;
    private final WorkOrderProperties properties;
    private final RestClient http;

    WorkOrderReplies(CaseFileService caseFiles, WorkOrderProperties properties, RestClient.Builder http) {
        this.caseFiles = caseFiles;
        this.properties = properties;
        this.http = http.build();
    }

    void reply(String workOrderId, String caseNumber) {
        if (properties.replyUrl() == null) {
            throw new IllegalStateException("casedesk.work-order.reply-url is not set: the reply to 12345 work order "
                    + workOrderId + " (case " + caseNumber + ") cannot be sent");
        }
        WorkOrderReply reply = WorkOrderReply.of(workOrderId,
                caseFiles.find(caseNumber).orElseThrow(() -> new IllegalStateException("No case file " + caseNumber)));
        http.post().uri(properties.replyUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (properties.replyToken() != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + properties.replyToken());
                    }
                })
                .body(reply)
                .retrieve()
                .toBodilessEntity();
    }
}
