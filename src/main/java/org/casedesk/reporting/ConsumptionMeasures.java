package org.casedesk.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.UtcColumns;
import org.casedesk.registration.RegistrationLists;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the consumption measures supervisors enter (table {@code consumption_measure}, migration V12). */
@Service
@Transactional
class ConsumptionMeasures {

    static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");
    private static final BigDecimal LARGEST = new BigDecimal("9999999999999999.99");

    private final JdbcClient jdbc;
    private final RegistrationLists lists;

    ConsumptionMeasures(JdbcClient jdbc, RegistrationLists lists) {
        this.jdbc = jdbc;
        this.lists = lists;
    }

    /**
     * Stores the measure, replacing the value of the same period, measure and category.
     *
     * @throws IllegalArgumentException naming the field when the measure is incomplete or out of range
     */
    ConsumptionMeasure save(ConsumptionMeasure entered, String user) {
        requirePeriod(entered.period());
        if (entered.measure() == null || entered.measure().isBlank() || entered.measure().length() > 100) {
            throw new IllegalArgumentException("measure：须填写指标名称（如 社会消费品零售总额），最长 100 个字符");
        }
        if (entered.category() != null && !lists.isCategory(entered.category())) {
            throw new IllegalArgumentException("category：" + entered.category() + " 不在案件分类清单中；全部消费不填");
        }
        if (entered.value() == null || entered.value().signum() <= 0 || entered.value().compareTo(LARGEST) > 0
                || entered.value().scale() > 2) {
            throw new IllegalArgumentException("value：应为大于 0、至多两位小数的数值（增速以它为分母）");
        }
        String measure = entered.measure().strip();
        String category = entered.category() == null ? "" : entered.category();
        LocalDateTime now = UtcColumns.toColumn(ClockUtil.getCurrentTime().toInstant());
        if (update(entered, measure, category, user, now) == 0) {
            try {
                jdbc.sql("""
                        insert into consumption_measure (period, measure, category, amount, entered_by, entered_at)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(entered.period(), measure, category, entered.value(), user, now)
                        .update();
            } catch (DuplicateKeyException enteredMeanwhile) {
                // another supervisor saved the same measure between our update and insert: the later value wins
                update(entered, measure, category, user, now);
            }
        }
        return new ConsumptionMeasure(entered.period(), measure, entered.category(), entered.value(), user,
                UtcColumns.fromColumn(now));
    }

    private int update(ConsumptionMeasure entered, String measure, String category, String user, LocalDateTime now) {
        return jdbc.sql("""
                update consumption_measure set amount = ?, entered_by = ?, entered_at = ?
                where period = ? and measure = ? and category = ?""")
                .params(entered.value(), user, now, entered.period(), measure, category)
                .update();
    }

    /** Every measure entered, by period, measure and category (all consumption first). */
    @Transactional(readOnly = true)
    List<ConsumptionMeasure> all() {
        return jdbc.sql("select * from consumption_measure order by period, measure, category")
                .query(ConsumptionMeasures::read)
                .list();
    }

    /** The measures of these periods, in the same order. */
    @Transactional(readOnly = true)
    List<ConsumptionMeasure> of(List<String> periods) {
        periods.forEach(ConsumptionMeasures::requirePeriod);
        return jdbc.sql("select * from consumption_measure where period in (:periods) order by period, measure, category")
                .param("periods", periods)
                .query(ConsumptionMeasures::read)
                .list();
    }

    private static ConsumptionMeasure read(ResultSet rs, int row) throws SQLException {
        return new ConsumptionMeasure(rs.getString("period"), rs.getString("measure"),
                rs.getString("category").isEmpty() ? null : rs.getString("category"),
                rs.getBigDecimal("amount"), rs.getString("entered_by"),
                UtcColumns.fromColumn(rs.getObject("entered_at", LocalDateTime.class)));
    }

    static String requirePeriod(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw new IllegalArgumentException("period：" + period + " 应为年（2026）或月（2026-10）");
        }
        return period;
    }
}
