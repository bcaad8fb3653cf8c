package org.casedesk.reporting;

import static org.casedesk.casefile.UtcColumns.startOfCentreDay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumer-environment index (12315 消费环境参数), the centre's "增速差": how much faster complaints grew than
 * consumption. For a period P (a month or a year) and a measure entered for P:
 *
 * <pre>
 * complaint growth = (complaints in P − complaints in P a year before) / complaints in P a year before × 100
 * measure growth   = (measure of P − measure of P a year before) / measure of P a year before × 100
 * index            = complaint growth − measure growth   (percentage points)
 * </pre>
 *
 * computed exactly and rounded to 2 decimals at the end (half up). Negative means complaints grew slower than
 * consumption. A measure entered for a category is set against that category's complaints, one for all
 * consumption against all complaints. A growth without its base (no measure a year before, or no complaints a year
 * before) is null, and so is the index: the row still shows the counts, so the missing figure can be seen.
 */
@Service
@Transactional(readOnly = true)
class ConsumerIndex {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param category null for all consumption and all complaints
     * @param complaintGrowth in percent
     * @param measureGrowth in percent
     * @param index complaint growth minus measure growth, in percentage points
     */
    record Row(String measure, String category, BigDecimal value, BigDecimal valueYearBefore, long complaints,
            long complaintsYearBefore, BigDecimal complaintGrowth, BigDecimal measureGrowth, BigDecimal index) {
    }

    record Report(String period, String yearBefore, List<Row> rows) {
    }

    private final JdbcClient jdbc;
    private final ConsumptionMeasures measures;

    ConsumerIndex(JdbcClient jdbc, ConsumptionMeasures measures) {
        this.jdbc = jdbc;
        this.measures = measures;
    }

    /** One row per measure entered for the period ({@code 2026} or {@code 2026-10}). */
    Report of(String period) {
        Span span = Span.of(ConsumptionMeasures.requirePeriod(period));
        Span yearBefore = span.yearBefore();
        Map<String, Counts> complaints = complaintsByCategory(span, yearBefore);
        Map<String, BigDecimal> valuesYearBefore = new HashMap<>();
        List<ConsumptionMeasure> entered = new ArrayList<>();
        for (ConsumptionMeasure measure : measures.of(List.of(span.period, yearBefore.period))) {
            if (measure.period().equals(span.period)) {
                entered.add(measure);
            } else {
                valuesYearBefore.put(key(measure), measure.value());
            }
        }
        List<Row> rows = entered.stream().map(measure -> {
            Counts counted = measure.category() == null
                    ? complaints.values().stream().reduce(Counts.NONE, Counts::plus)
                    : complaints.getOrDefault(measure.category(), Counts.NONE);
            BigDecimal valueYearBefore = valuesYearBefore.get(key(measure));
            BigDecimal complaintGrowth = growth(BigDecimal.valueOf(counted.period), BigDecimal.valueOf(counted.yearBefore));
            BigDecimal measureGrowth = valueYearBefore == null ? null : growth(measure.value(), valueYearBefore);
            BigDecimal index = complaintGrowth == null || measureGrowth == null ? null
                    : complaintGrowth.subtract(measureGrowth);
            return new Row(measure.measure(), measure.category(), measure.value(), valueYearBefore, counted.period,
                    counted.yearBefore, rounded(complaintGrowth), rounded(measureGrowth), rounded(index));
        }).toList();
        return new Report(span.period, yearBefore.period, rows);
    }

    /** A period's first day and the first day after it. */
    private record Span(String period, LocalDate start, LocalDate end) {

        static Span of(String period) {
            if (period.length() == 4) {
                LocalDate start = Year.parse(period).atDay(1);
                return new Span(period, start, start.plusYears(1));
            }
            LocalDate start = YearMonth.parse(period).atDay(1);
            return new Span(period, start, start.plusMonths(1));
        }

        Span yearBefore() {
            LocalDate start = this.start.minusYears(1);
            return of(period.length() == 4 ? String.valueOf(start.getYear()) : YearMonth.from(start).toString());
        }
    }

    /** Complaints in the period and in the period a year before. */
    private record Counts(long period, long yearBefore) {

        static final Counts NONE = new Counts(0, 0);

        Counts plus(Counts other) {
            return new Counts(period + other.period, yearBefore + other.yearBefore);
        }
    }

    private Map<String, Counts> complaintsByCategory(Span span, Span yearBefore) {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("select category,"
                + " sum(case when received_at >= :start then 1 else 0 end) as this_period,"
                + " sum(case when received_at < :start then 1 else 0 end) as year_before"
                + " from case_file where " + TrendPeriods.COMPLAINTS
                + " and (received_at >= :start and received_at < :end"
                + " or received_at >= :startBefore and received_at < :endBefore)"
                + " group by category")
                .param("start", startOfCentreDay(span.start))
                .param("end", startOfCentreDay(span.end))
                .param("startBefore", startOfCentreDay(yearBefore.start))
                .param("endBefore", startOfCentreDay(yearBefore.end))
                .query(rs -> {
                    counts.put(rs.getString("category"), new Counts(rs.getLong("this_period"), rs.getLong("year_before")));
                });
        return counts;
    }

    private static String key(ConsumptionMeasure measure) {
        return measure.measure() + "\u0000" + Objects.toString(measure.category(), "");
    }

    /** In percent, unrounded; null without a base. */
    private static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return before.signum() == 0 ? null
                : now.subtract(before).multiply(HUNDRED).divide(before, MathContext.DECIMAL64);
    }

    private static BigDecimal rounded(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
