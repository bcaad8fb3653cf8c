package org.casedesk.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the KPIs are grouped by ({@code by=} of the API), each with the SQL expression of a case's group over
 * {@code case_file c} and of a deadline step's group over {@code case_deadline t}. A step belongs to the unit it was
 * charged to when it started ({@code t.handling_unit}); by channel, category or operator it takes its case's group,
 * looked up by primary key for each step of the period: as a subquery rather than a join, so that the database
 * reads the period's steps first whatever its statistics say (MariaDB, misjudging how many steps a case has, would
 * otherwise read every case). An operator is the one who registered the case ({@code case_file.registered_by});
 * the report split off a complaint-and-report, registered with its complaint, takes the complaint's.
 */
enum Grouping {
    NONE("'all'", "'all'"),
    UNIT("c.handling_unit", "t.handling_unit"),
    CHANNEL("c.channel", ofCase("channel")),
    CATEGORY("c.category", ofCase("category")),
    OPERATOR("c.registered_by", ofCase("registered_by"));

    final String caseSql;
    final String stepSql;

    Grouping(String caseSql, String stepSql) {
        this.caseSql = caseSql;
        this.stepSql = stepSql;
    }

    private static String ofCase(String column) {
        return "(select c." + column + " from case_file c where c.case_number = t.case_number)";
    }

    /** {@code by=unit} and the like; anything else is refused with the values allowed. */
    static Grouping of(String by) {
        return Arrays.stream(values()).filter(grouping -> grouping.name().equalsIgnoreCase(by)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("by must be one of " + Arrays.stream(values())
                        .map(grouping -> grouping.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
