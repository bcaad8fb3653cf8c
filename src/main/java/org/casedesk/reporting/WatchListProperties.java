package org.casedesk.reporting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics the centre watches week by week ({@code casedesk.reporting.watch-list.topics}), e.g. 预付卡 or 职业索赔.
 * A complaint belongs to a topic when its category is one of the topic's categories, or its description or
 * respondent's name contains one of its keywords (plain text; letter case counts on H2, not under MySQL's usual case-insensitive collations).
 */
@ConfigurationProperties("casedesk.reporting.watch-list")
record WatchListProperties(List<Topic> topics) {

    WatchListProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    record Topic(String name, List<String> categories, List<String> keywords) {

        Topic {
            categories = categories == null ? List.of() : List.copyOf(categories);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            if (name == null || name.isBlank() || categories.isEmpty() && keywords.isEmpty()) {
                throw new IllegalArgumentException("A topic of casedesk.reporting.watch-list needs a name and at least"
                        + " one category or keyword: " + name);
            }
            for (String keyword : keywords) {
                // they become LIKE patterns; a wildcard in one would match what its author did not mean
                if (keyword.isBlank() || keyword.contains("%") || keyword.contains("_") || keyword.contains("\\")) {
                    throw new IllegalArgumentException("Keyword '" + keyword + "' of topic " + name
                            + " must be plain text, without % _ or \\");
                }
            }
        }
    }
}
