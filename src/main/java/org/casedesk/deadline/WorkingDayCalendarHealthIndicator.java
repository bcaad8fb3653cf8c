package org.casedesk.deadline;

import java.util.Set;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code workingDayCalendar}: the years whose holiday schedule is known, and
 * a warning naming any year a deadline fell in without one (its deadlines count Monday to Friday only). It stays
 * UP, because a missing schedule makes deadlines approximate, not the app unusable.
 */
@Component
class WorkingDayCalendarHealthIndicator implements HealthIndicator {

    private final WorkingDayCalendar calendar;

    WorkingDayCalendarHealthIndicator(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        Set<Integer> missing = calendar.yearsWithoutData();
        Health.Builder health = Health.up().withDetail("yearsWithData", calendar.yearsWithData());
        if (!missing.isEmpty()) {
            health.withDetail("yearsWithoutData", missing)
                    .withDetail("warning", "No holiday schedule for " + missing
                            + ": deadlines in those years count Monday to Friday only");
        }
        return health.build();
    }
}
