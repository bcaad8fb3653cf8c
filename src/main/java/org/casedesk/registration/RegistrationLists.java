package org.casedesk.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    private final Map<String, List<String>> categories = load("registration/categories.csv");
    private final Map<String, List<String>> notAcceptedGrounds = load("registration/not-accepted-grounds.csv");

    /** A case category: its key, its Chinese label, and its kind (GOODS, SERVICE or OTHER). */
    public record Category(String key, String label, String kind) {
    }

    /** The categories in the order of the file, e.g. for Open311 clients, whose services they are. */
    public List<Category> categories() {
        return categories.entrySet().stream()
                .map(row -> new Category(row.getKey(), row.getValue().get(1), row.getValue().get(2))).toList();
    }

    /** The category's Chinese label; a key no longer on the list (a case registered before it changed) as is. */
    public String categoryLabel(String key) {
        List<String> category = categories.get(key);
        return category == null ? key : category.get(1);
    }

    public boolean isCategory(String key) {
        return categories.containsKey(key);
    }

    public boolean isNotAcceptedGround(String key) {
        return notAcceptedGrounds.containsKey(key);
    }

    /** Reads {@code key,label,...} rows after a header line, each row by its key. */
    private static Map<String, List<String>> load(String path) {
        try {
            List<String> lines = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            Map<String, List<String>> entries = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = Arrays.stream(line.split(",")).map(String::trim).toList();
                if (cells.size() < 2 || entries.put(cells.get(0), cells) != null) {
                    throw new IllegalStateException(path + ": bad or repeated row: " + line);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
