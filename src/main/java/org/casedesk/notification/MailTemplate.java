package org.casedesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * A plain-text mail template from {@code src/main/resources/notification/}: the first line is
 * {@code Subject: …}, a blank line follows, then the body. {@code {name}} is replaced by the value of
 * {@code name}; a placeholder without a value fails, so no mail ever says "null".
 */
record MailTemplate(String resource, String subject, String body) {

    private static final String SUBJECT = "Subject: ";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static MailTemplate load(String resource) {
        String text;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + resource, e);
        }
        int endOfSubject = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || endOfSubject < 0) {
            throw new IllegalStateException("Mail template " + resource + " must start with a line 'Subject: …'");
        }
        return new MailTemplate(resource, text.substring(SUBJECT.length(), endOfSubject).strip(),
                text.substring(endOfSubject + 1).strip() + "\n");
    }

    Mail render(Map<String, String> values) {
        Set<String> missing = new TreeSet<>();
        collectMissing(subject, values, missing);
        collectMissing(body, values, missing);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Mail template " + resource + " has no value for " + missing);
        }
        return new Mail(fill(subject, values), fill(body, values));
    }

    private static void collectMissing(String text, Map<String, String> values, Set<String> missing) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (values.get(matcher.group(1)) == null) {
                missing.add(matcher.group(1));
            }
        }
    }

    private static String fill(String text, Map<String, String> values) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }

    /** A rendered mail, ready to send. */
    record Mail(String subject, String text) {
    }
}
