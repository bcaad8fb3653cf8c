package org.casedesk.reporting;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hotspot rule ({@code casedesk.reporting.hotspots}): a category, respondent or platform is a hotspot of a week
 * when its complaints that week are at least {@code minimumCount} and at least {@code ratio} times its mean
 * weekly complaints over the {@code baselineWeeks} weeks before. A baseline of zero makes any count of at least
 * the minimum a hotspot: something new that is already frequent is what early warning is for.
 */
@ConfigurationProperties("casedesk.reporting.hotspots")
record HotspotsProperties(@DefaultValue("5") int minimumCount, @DefaultValue("2.0") BigDecimal ratio,
        @DefaultValue("8") int baselineWeeks) {

    HotspotsProperties {
        if (minimumCount < 1 || ratio.signum() <= 0 || baselineWeeks < 1) {
            throw new IllegalArgumentException("casedesk.reporting.hotspots needs minimum-count ≥ 1, ratio > 0 and"
                    + " baseline-weeks ≥ 1, not " + minimumCount + ", " + ratio + ", " + baselineWeeks);
        }
    }

    /**
     * The rule, compared as {@code thisWeek × baselineWeeks ≥ ratio × baselineTotal} so that no rounding of the
     * mean decides a case exactly at the ratio.
     */
    boolean isHotspot(long thisWeek, long baselineTotal) {
        return thisWeek >= minimumCount && BigDecimal.valueOf(thisWeek * baselineWeeks)
                .compareTo(ratio.multiply(BigDecimal.valueOf(baselineTotal))) >= 0;
    }
}
