package org.casedesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tells which Open311 client of {@link Open311Properties} a request comes from, by the SHA-256 of its key. The key
 * comes as the {@code api_key} parameter, as GeoReport v2 has it, or as the {@value #HEADER} header, which keeps it
 * out of URLs and access logs.
 */
@Component
class Open311Clients {

    static final String HEADER = "X-Api-Key";
    /** Open311 clients' references start with this; the intake API refuses it for anyone else's. */
    static final String REFERENCE_PREFIX = "open311:";

    /** A client as it files and reads: its cases are those of its channel whose reference starts with its prefix. */
    record Client(String name, String channel) {

        /** The external reference of the client's request with this token, e.g. {@code open311:cityapp:APP-77}. */
        String reference(String token) {
            return referencePrefix() + token;
        }

        String referencePrefix() {
            return REFERENCE_PREFIX + name + ":";
        }
    }

    private final Map<String, Open311Properties.Client> clients;

    Open311Clients(Open311Properties properties) {
        this.clients = properties.clients();
    }

    /** The client of the key given as parameter or header; 403 without a key, with a wrong one or with two different. */
    Client authenticate(String apiKeyParameter, String apiKeyHeader) {
        String key = apiKeyParameter == null || apiKeyParameter.isBlank() ? apiKeyHeader : apiKeyParameter;
        if (key == null || key.isBlank()) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "缺少 api_key（参数 api_key 或请求头 " + HEADER + "）");
        }
        if (apiKeyHeader != null && !apiKeyHeader.isBlank() && !apiKeyHeader.equals(key)) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "参数 api_key 与请求头 " + HEADER + " 不一致");
        }
        byte[] hash = sha256(key);
        Client found = null;
        for (Map.Entry<String, Open311Properties.Client> client : clients.entrySet()) {
            // every client compared, in constant time, so the answer's timing tells nothing about the keys
            if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(client.getValue().keySha256()))) {
                found = new Client(client.getKey(), client.getValue().channel());
            }
        }
        if (found == null) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key 无效");
        }
        return found;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
