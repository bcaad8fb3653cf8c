package org.casedesk.reporting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reports' CSV: UTF-8 with a byte-order mark so that Excel shows the Chinese header, CRLF line ends, cells
 * quoted as RFC 4180 asks. Asked for with {@code format=csv} or {@code Accept: text/csv}.
 */
final class Csv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Csv() {
    }

    /** {@code format=csv} or {@code json} decides; without it, an {@code Accept} naming text/csv. */
    static boolean wanted(String format, String accept) {
        if (format == null) {
            try {
                return accept != null && MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(type -> type.equalsTypeAndSubtype(TEXT_CSV));
            } catch (InvalidMediaTypeException malformed) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Accept: " + malformed.getMessage());
            }
        }
        return switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json or csv");
        };
    }

    /** The rows as a download named {@code filename}; a null cell is empty. */
    static ResponseEntity<byte[]> attachment(String filename, List<String> header, List<List<Object>> rows) {
        String text = Stream.concat(Stream.of(header.stream().map(Object.class::cast).toList()), rows.stream())
                .map(row -> row.stream().map(Csv::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static String cell(Object value) {
        String cell = value == null ? "" : value.toString();
        return cell.matches("(?s).*[\",\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
