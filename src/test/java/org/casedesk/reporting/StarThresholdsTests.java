package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The star rule of {@link StarThresholds}, bound from configuration as the application binds it. */
class StarThresholdsTests {

    /** 4 registrations (1 reopened) and 6 revisits, 9 of 10 on time, 4 of 5 reached consumers satisfied. */
    private static final StarOperators.Figures MONTH = new StarOperators.Figures("operator", 4, 6, 9, 5, 4, 1);

    @Test
    void theStarsAreTheHighestLevelWhoseEveryThresholdIsMet() {
        StarThresholds thresholds = bind(levels("0.9"));

        // level 4 wants 0.95 on time; level 3's 0.9 on time, 0.8 satisfied and 0.25 reopened are met exactly
        assertThat(thresholds.stars(MONTH)).isEqualTo(3);
    }

    @Test
    void aStricterConfiguredThresholdLowersTheStars() {
        // level 3 now wants 0.91 on time; level 2's thresholds are still met
        assertThat(bind(levels("0.91")).stars(MONTH)).isEqualTo(2);
    }

    @Test
    void withTheDefaultsOfApplicationYamlASmallMonthEarnsOneStar() throws IOException {
        PropertySource<?> yaml = new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml")).get(0);
        StarThresholds defaults = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("casedesk.reporting.stars", StarThresholds.class).get();

        assertThat(defaults.stars(MONTH)).isEqualTo(1);
        assertThat(defaults.stars(new StarOperators.Figures("operator", 150, 250, 396, 240, 228, 4))).isEqualTo(5);
    }

    @Test
    void aMissingLevelOrARateAboveOneStopsTheStartUp() {
        Map<String, String> noLevelFive = levels("0.9");
        noLevelFive.keySet().removeIf(key -> key.startsWith("casedesk.reporting.stars.levels.5."));
        Map<String, String> percent = levels("0.9");
        percent.put("casedesk.reporting.stars.levels.3.min-on-time-rate", "90");

        assertThatThrownBy(() -> bind(noLevelFive)).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("must set levels 2, 3, 4 and 5, not [2, 3, 4]");
        assertThatThrownBy(() -> bind(percent)).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("from 0 to 1");
    }

    private static StarThresholds bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("casedesk.reporting.stars", StarThresholds.class).get();
    }

    /** Levels 2 to 5 with growing thresholds; level 3's on-time rate as given. */
    private static Map<String, String> levels(String levelThreeOnTime) {
        Map<String, String> properties = new HashMap<>();
        level(properties, 2, "5", "0.8", "0.6", "0.5");
        level(properties, 3, "10", levelThreeOnTime, "0.8", "0.25");
        level(properties, 4, "10", "0.95", "0.8", "0.25");
        level(properties, 5, "20", "0.95", "0.9", "0.1");
        return properties;
    }

    private static void level(Map<String, String> properties, int stars, String minVolume, String minOnTimeRate,
            String minSatisfactionRate, String maxReopenedShare) {
        String prefix = "casedesk.reporting.stars.levels." + stars + ".";
        properties.put(prefix + "min-volume", minVolume);
        properties.put(prefix + "min-on-time-rate", minOnTimeRate);
        properties.put(prefix + "min-satisfaction-rate", minSatisfactionRate);
        properties.put(prefix + "max-reopened-share", maxReopenedShare);
    }
}
