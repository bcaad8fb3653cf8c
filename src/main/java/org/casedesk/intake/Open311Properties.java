package org.casedesk.intake;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Open311 adapter's settings ({@code casedesk.open311}).
 *
 * @param clients the Open311 clients by name: none by default, the demo client only in the {@code default} and
 *                {@code demo} profiles. The name goes into each case's external reference ({@code
 *                open311:<client>:<token>}), so clients sharing a channel never meet each other's cases.
 */
@ConfigurationProperties("casedesk.open311")
record Open311Properties(Map<String, Client> clients) {

    /** Lower-case letters and digits only, so a client can be set from environment variables and fits the reference. */
    static final Pattern CLIENT_NAME = Pattern.compile("[a-z0-9]{1,20}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * @param channel the one channel the client files and reads cases for
     * @param keySha256 the SHA-256 of its {@code api_key} in lower-case hex, so the key itself is in no
     *                  configuration, environment listing or actuator page
     */
    record Client(String channel, String keySha256) {
    }

    Open311Properties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        Set<String> hashes = new HashSet<>();
        clients.forEach((name, client) -> {
            String property = "casedesk.open311.clients." + name;
            if (!CLIENT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(property + ": a client's name is 1 to 20 lower-case letters and digits");
            }
            if (client.channel() == null || client.channel().isBlank()) {
                throw new IllegalArgumentException(property + ".channel is not set");
            }
            if (client.keySha256() == null || !SHA256_HEX.matcher(client.keySha256()).matches()) {
                throw new IllegalArgumentException(property
                        + ".key-sha256 must be the key's SHA-256 in lower-case hex (printf %s KEY | sha256sum)");
            }
            if (!hashes.add(client.keySha256())) {
                throw new IllegalArgumentException(property + ".key-sha256 is another client's key too");
            }
        });
    }
}
