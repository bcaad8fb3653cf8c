package org.casedesk.database;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On MySQL, turns every table of the schema into utf8mb4. Camunda creates its tables with {@code CHARSET=utf8},
 * which MySQL reads as the 3-byte utf8mb3: a complainant's name in a rare character (𠮷) or an emoji in a
 * description would be refused as a process variable. Runs once the engine and Flyway have made their tables
 * and converts only what is not utf8mb4 yet, so after the first start (or a Camunda upgrade that adds tables)
 * it finds nothing to do. {@code utf8mb4_bin} keeps the case-sensitive comparison of Camunda's {@code utf8_bin}.
 * <p>
 * Foreign keys between Camunda's tables forbid changing one side's character set (MariaDB refuses even with
 * foreign key checks off), so they are dropped for the conversion and added again exactly as they were.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.database.type", havingValue = "mysql")
class Utf8mb4Tables {

    private static final Logger log = LoggerFactory.getLogger(Utf8mb4Tables.class);

    private final JdbcClient jdbc;

    Utf8mb4Tables(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventListener(ApplicationReadyEvent.class)
    void convert() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = database() and table_type = 'BASE TABLE' and table_collation not like 'utf8mb4%'""")
                .query(String.class).list();
        if (tables.isEmpty()) {
            return;
        }
        List<ForeignKey> foreignKeys = foreignKeys();
        foreignKeys.forEach(key -> jdbc.sql(key.dropStatement()).update());
        tables.forEach(table -> jdbc.sql("alter table " + table + " convert to character set utf8mb4 collate utf8mb4_bin")
                .update());
        foreignKeys.forEach(key -> jdbc.sql(key.addStatement()).update());
        log.info("Converted {} tables to utf8mb4 (foreign keys dropped and added again: {})", tables.size(),
                foreignKeys.size());
    }

    private List<ForeignKey> foreignKeys() {
        return jdbc.sql("""
                select k.table_name, k.constraint_name, r.referenced_table_name, r.update_rule, r.delete_rule,
                    group_concat(k.column_name order by k.ordinal_position) as key_columns,
                    group_concat(k.referenced_column_name order by k.ordinal_position) as referenced_columns
                from information_schema.key_column_usage k
                join information_schema.referential_constraints r
                    on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name
                    and r.table_name = k.table_name
                where k.table_schema = database() and k.referenced_table_name is not null
                group by k.table_name, k.constraint_name, r.referenced_table_name, r.update_rule, r.delete_rule""")
                .query((row, number) -> new ForeignKey(row.getString("table_name"), row.getString("constraint_name"),
                        row.getString("key_columns"), row.getString("referenced_table_name"),
                        row.getString("referenced_columns"), row.getString("update_rule"), row.getString("delete_rule")))
                .list();
    }

    /** A foreign key as information_schema describes it; columns are comma-separated in key order. */
    record ForeignKey(String table, String name, String columns, String referencedTable, String referencedColumns,
            String updateRule, String deleteRule) {

        String dropStatement() {
            return "alter table " + table + " drop foreign key " + name;
        }

        String addStatement() {
            return "alter table %s add constraint %s foreign key (%s) references %s (%s) on update %s on delete %s"
                    .formatted(table, name, columns, referencedTable, referencedColumns, updateRule, deleteRule);
        }
    }
}
