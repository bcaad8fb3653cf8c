package org.casedesk.intake;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The intake API's settings ({@code casedesk.intake}).
 *
 * @param accounts the channel systems' service accounts: Camunda user id → the one channel it submits for
 * @param maxBodySize the largest request body the API reads; larger ones get 413
 */
@ConfigurationProperties("casedesk.intake")
public record IntakeProperties(Map<String, String> accounts, DataSize maxBodySize) {

    public IntakeProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        if (maxBodySize == null) {
            throw new IllegalArgumentException("casedesk.intake.max-body-size is not set");
        }
    }
}
