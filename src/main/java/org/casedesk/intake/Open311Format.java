package org.casedesk.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GeoReport v2's two formats, chosen by the path's extension ({@code services.json}, {@code services.xml}). A
 * document is built once as maps, lists and values and written either way: as JSON, or as XML whose root and
 * list items are named as the specification names them ({@code <services><service>…}). XML is written with the
 * JDK's StAX, so Spring MVC's content negotiation for the rest of the application stays as it is.
 */
enum Open311Format {

    JSON(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8)),
    XML(new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8));

    /** The element of each item of a list, by the list's element. */
    private static final Map<String, String> ITEM_NAMES = Map.of("services", "service",
            "service_requests", "request", "errors", "error", "attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format");
    private static final ObjectMapper JSON_WRITER = new ObjectMapper();

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** The format an extension asks for; 404 for any other than {@code json} and {@code xml}. */
    static Open311Format of(String extension) {
        return switch (extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw new Open311Exception(HttpStatus.NOT_FOUND,
                    "不支持的格式 ." + extension + "，只有 .json 和 .xml");
        };
    }

    /** The format of a path for an error: XML for {@code .xml}, JSON for anything else. */
    static Open311Format ofPath(String path) {
        return path.endsWith(".xml") ? XML : JSON;
    }

    /** A document's fields in the given order, values may be null: {@code fields("code", 400, "description", …)}. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    MediaType mediaType() {
        return mediaType;
    }

    ResponseEntity<byte[]> respond(HttpStatus status, String root, Object document) {
        return ResponseEntity.status(status).contentType(mediaType).body(write(root, document));
    }

    /** Open311's error list, each entry with the HTTP status as its code. */
    ResponseEntity<byte[]> errors(HttpStatus status, List<String> descriptions) {
        return respond(status, "errors", descriptions.stream()
                .map(description -> fields("code", status.value(), "description", description)).toList());
    }

    /** @param root the XML root element; JSON has none and writes the document itself */
    byte[] write(String root, Object document) {
        try {
            if (this == JSON) {
                return JSON_WRITER.writeValueAsBytes(document);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, document);
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write Open311 XML " + root, e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(xml, (String) entry.getKey(), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEM_NAMES.get(name);
            if (item == null) {
                throw new IllegalArgumentException("No Open311 item element for the list " + name);
            }
            for (Object each : list) {
                element(xml, item, each);
            }
        } else {
            xml.writeCharacters(xmlCharacters(String.valueOf(value)));
        }
        xml.writeEndElement();
    }

    /**
     * The text with each character XML 1.0 forbids (control characters, lone surrogates, U+FFFE, U+FFFF) replaced
     * by U+FFFD: StAX writes them as they are, and client input echoed into an error would make the document
     * malformed. Characters beyond the BMP (surrogate pairs) are kept.
     */
    static String xmlCharacters(String text) {
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints().forEach(c -> allowed.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 ? c : 0xFFFD));
        return allowed.toString();
    }
}
