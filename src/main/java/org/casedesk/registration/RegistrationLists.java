package org.casedesk.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The registration lists (正负面清单) as data: case categories ({@code registration/categories.csv}) and the
 * grounds for not accepting a complaint ({@code registration/not-accepted-grounds.csv}, Measures Art. 15).
 * The forms offer the same keys (FormsTests holds them equal); registration checks what a form submitted.
 */
@Component
public class RegistrationLists {

    private final Map<String, String> categories = load("registration/categories.csv");
    private final Map<String, String> notAcceptedGrounds = load("registration/not-accepted-grounds.csv");

    public boolean isCategory(String key) {
        return categories.containsKey(key);
    }

    public boolean isNotAcceptedGround(String key) {
        return notAcceptedGrounds.containsKey(key);
    }

    /** Reads {@code key,label,...} rows after a header line. */
    private static Map<String, String> load(String path) {
        try {
            List<String> lines = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            Map<String, String> entries = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                if (cells.length < 2 || entries.put(cells[0].trim(), cells[1].trim()) != null) {
                    throw new IllegalStateException(path + ": bad or repeated row: " + line);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
