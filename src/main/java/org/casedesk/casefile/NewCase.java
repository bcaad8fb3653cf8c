package org.casedesk.casefile;

import java.math.BigDecimal;
import java.time.Instant;

/** The facts a case arrives with at intake, before anyone has registered it. */
public record NewCase(
        String channel,
        Instant receivedAt,
        String complainantName,
        String complainantPhone,
        String complainantAddress,
        String complainantEmail,
        Respondent respondent,
        String description,
        String claim,
        BigDecimal amount) {
}
