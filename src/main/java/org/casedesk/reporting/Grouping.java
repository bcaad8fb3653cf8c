package org.casedesk.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the KPIs are grouped by ({@code by=} of the API), each with the SQL expression of a case's group over
 * {@code case_file c}. An operator is the one who registered the case: the assignee of its completed
 * {@code Task_RegisterCase} in the engine's history, read where it is rather than copied. The report split off a
 * complaint-and-report runs a process without that task and falls in the group without an operator (null).
 */
enum Grouping {
    NONE("'all'"),
    UNIT("c.handling_unit"),
    CHANNEL("c.channel"),
    CATEGORY("c.category"),
    OPERATOR("""
            (select max(t.ASSIGNEE_) from ACT_HI_TASKINST t
             where t.PROC_INST_ID_ = c.process_instance_id and t.TASK_DEF_KEY_ = 'Task_RegisterCase'
               and t.END_TIME_ is not null)""");

    final String sql;

    Grouping(String sql) {
        this.sql = sql;
    }

    /** {@code by=unit} and the like; anything else is refused with the values allowed. */
    static Grouping of(String by) {
        return Arrays.stream(values()).filter(grouping -> grouping.name().equalsIgnoreCase(by)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("by must be one of " + Arrays.stream(values())
                        .map(grouping -> grouping.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
