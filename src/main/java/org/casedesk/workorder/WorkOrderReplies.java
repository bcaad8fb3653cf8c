package org.casedesk.workorder;

import org.casedesk.casefile.CaseFileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers a 12345 work order when its case closes (DESIGN.md, 办结: "the originating system (12345) gets the
 * reply"): posts the {@link WorkOrderReply} to {@code casedesk.work-order.reply-url}. Any failure — no URL, no
 * connection, an answer other than 2xx — is thrown, so the engine retries the step and finally raises an incident.
 * Timeouts are Spring Boot's {@code spring.http.client.*}.
 */
@Service
class WorkOrderReplies {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderReplies.class);

    private final CaseFileService caseFiles;
    private final WorkOrderProperties properties;
    private final RestClient http;
    private final ObjectMapper json;

    WorkOrderReplies(CaseFileService caseFiles, WorkOrderProperties properties, RestClient.Builder http,
            ObjectMapper json) {
        this.caseFiles = caseFiles;
        this.properties = properties;
        this.http = http.build();
        this.json = json;
        if (properties.replyUrl() == null) {
            log.warn("casedesk.work-order.reply-url is not set: replies to 12345 work orders will stand as incidents"
                    + " in Cockpit until it is");
        }
    }

    void reply(String workOrderId, String caseNumber) throws JsonProcessingException {
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
                // as bytes, so the request has a Content-Length: not every receiving server takes a chunked body
                .body(json.writeValueAsBytes(reply))
                .retrieve()
                // the status only: 12345's answer may echo the reply's free text into the incident and the log
                .onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw new IllegalStateException("12345 answered " + response.getStatusCode().value()
                            + " to the reply to work order " + workOrderId + " (case " + caseNumber + ")");
                })
                .toBodilessEntity();
    }
}
