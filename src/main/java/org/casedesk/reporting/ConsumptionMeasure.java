package org.casedesk.reporting;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A consumption figure for one period, e.g. 社会消费品零售总额 of 2026-10, which {@link ConsumerIndex} sets against the
 * complaints of the same period.
 *
 * @param period a year ({@code 2026}) or a month ({@code 2026-10})
 * @param measure the measure's name, e.g. 社会消费品零售总额 or 网上零售额
 * @param category a category code of {@code registration/categories.csv}, or null for all consumption
 * @param value positive, in the measure's own unit
 * @param enteredBy who entered it; set by the server
 * @param enteredAt when; set by the server
 */
record ConsumptionMeasure(String period, String measure, String category, BigDecimal value, String enteredBy,
        Instant enteredAt) {
}
