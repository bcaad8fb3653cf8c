package org.casedesk.casefile;

import java.time.ZoneId;

/**
 * The centre's time zone. Times are stored as instants; "which day" and the times staff read are
 * Shanghai's, whatever the server's zone (a case received at 23:30 UTC arrived the next morning).
 */
public final class CentreTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CentreTime() {
    }
}
