package org.casedesk.reporting;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code reportFont}: DOWN without the font the report charts need for their
 * Chinese labels ({@value ReportCharts#FONT_FAMILY}), naming the package to install. Without it every weekly
 * bulletin and monthly analysis fails to draw (the mail step ends as an incident), so the check should fail before
 * Monday does.
 */
@Component
class ReportFontHealthIndicator implements HealthIndicator {

    @Override
    public Health health() {
        return health(ReportCharts.FONT_INSTALLED);
    }

    static Health health(boolean fontInstalled) {
        Health.Builder health = fontInstalled ? Health.up() : Health.down()
                .withDetail("error", "Font not installed: the report charts cannot be drawn; install the package "
                        + ReportCharts.FONT_PACKAGE + " (apt-get install " + ReportCharts.FONT_PACKAGE + ")");
        return health.withDetail("font", ReportCharts.FONT_FAMILY).build();
    }
}
