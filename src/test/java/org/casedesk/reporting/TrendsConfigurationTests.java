package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The hotspot rule without a database, at a ratio and means that are not round numbers, and the checks of the
 * trend reports' configuration.
 */
class TrendsConfigurationTests {

    private final HotspotsProperties rule = new HotspotsProperties(5, new BigDecimal("1.1"), 3);

    @Test
    void exactlyTheRatioOfAMeanThatIsNotRoundIsAHotspot() {
        // 1.1 × 30 / 3 = 11: 11 is exactly at the ratio (in doubles 1.1 × 30 is 33.000000000000004 > 11 × 3), 10 below
        assertThat(rule.isHotspot(11, 30)).isTrue();
        assertThat(rule.isHotspot(10, 30)).isFalse();
        // 1.1 × 10 / 3 = 3.666…: 5 is above it
        assertThat(rule.isHotspot(5, 10)).isTrue();
    }

    @Test
    void belowTheMinimumNothingIsAHotspotNotEvenWithoutABaseline() {
        assertThat(rule.isHotspot(4, 0)).isFalse();
        assertThat(rule.isHotspot(5, 0)).isTrue();
    }

    @Test
    void aRuleThatWouldFlagEverythingOrNothingIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HotspotsProperties(0, BigDecimal.valueOf(2), 8));
        assertThatIllegalArgumentException().isThrownBy(() -> new HotspotsProperties(5, BigDecimal.ZERO, 8));
        assertThatIllegalArgumentException().isThrownBy(() -> new HotspotsProperties(5, BigDecimal.valueOf(2), 0));
    }

    @Test
    void aWatchListKeywordWithALikeWildcardIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WatchListProperties.Topic("预付卡", List.of(), List.of("100%退款")))
                .withMessageContaining("100%退款");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WatchListProperties.Topic("空", List.of(), List.of()));
    }
}
