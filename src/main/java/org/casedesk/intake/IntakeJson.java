package org.casedesk.intake;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads submissions strictly, so that a channel system's mistake is named rather than guessed at: unknown
 * fields are refused, a number is not taken for text ({@code "phone": 13812345678}) nor text for a number
 * ({@code "amount": "5999"}), and the body must be one object. Only the intake API reads this way; the
 * application's shared ObjectMapper keeps Spring's lenient defaults.
 */
@Component
class IntakeJson {

    private final ObjectReader reader;

    IntakeJson() {
        ObjectMapper strict = JsonMapper.builder()
                .findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape notText : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(notText, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        this.reader = strict.readerFor(IntakeRequest.class);
    }

    IntakeRequest read(byte[] body) throws IOException {
        return reader.readValue(body);
    }
}
