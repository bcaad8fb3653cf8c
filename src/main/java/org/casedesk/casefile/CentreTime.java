package org.casedesk.casefile;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The centre's time zone. Times are stored as instants; "which day" and the times staff read are
 * Shanghai's, whatever the server's zone (a case received at 23:30 UTC arrived the next morning).
 */
public final class CentreTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** How mails and forms show a time to staff and consumers, e.g. {@code 2026-11-30 23:59}. */
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** The same with seconds, as the case's time of receipt is shown, e.g. {@code 2026-11-29 07:30:00}. */
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    /** Today in Shanghai by the engine's clock, which tests move. */
    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    private CentreTime() {
    }
}
