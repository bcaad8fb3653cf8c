package org.casedesk.workorder;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where closed 12345 work orders are answered ({@code casedesk.work-order}).
 *
 * @param replyUrl the 12345 system's endpoint that takes the replies; without it a closing 12345 case's reply
 *                 step fails and, after its retries, stands as an incident in Cockpit until it is set
 * @param replyToken sent as {@code Authorization: Bearer …} when set
 */
@ConfigurationProperties("casedesk.work-order")
record WorkOrderProperties(URI replyUrl, String replyToken) {

    /** Blank means unset, as an empty environment variable (docker/compose.yaml passes them through) says. */
    WorkOrderProperties {
        replyUrl = replyUrl == null || replyUrl.toString().isBlank() ? null : replyUrl;
        replyToken = replyToken == null || replyToken.isBlank() ? null : replyToken;
    }
}
