package org.casedesk.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How the case tables keep instants: {@code datetime(3)} columns holding UTC wall time, written and read as
 * {@link LocalDateTime} so that neither the JVM's nor the database session's time zone can shift them.
 */
public final class UtcColumns {

    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Where a Shanghai (centre) day begins, as these columns hold it: the bound of a report's period. */
    public static LocalDateTime startOfCentreDay(LocalDate day) {
        return toColumn(day.atStartOfDay(CentreTime.ZONE).toInstant());
    }

    public static Instant fromColumn(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private UtcColumns() {
    }
}
