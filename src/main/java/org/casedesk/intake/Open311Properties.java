package org.casedesk.intake;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Open311 adapter's settings ({@code casedesk.open311}).
 *
 * @param apiKeys the Open311 clients' {@code api_key}s → the one channel each files and reads cases for; none by
 *                default, the demo key only in the {@code default} and {@code demo} profiles
 */
@ConfigurationProperties("casedesk.open311")
public record Open311Properties(Map<String, String> apiKeys) {

    public Open311Properties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }
}
