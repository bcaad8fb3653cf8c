package org.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Open311 clients as production configures them: from environment variables, as the README shows. */
class Open311PropertiesTests {

    static final String HASH = "d107f5bb8d2ee831bcac61e98ff095c3276eab97a31d0c3b8a02aca295376010";

    @Test
    void aClientIsReadFromEnvironmentVariables() {
        Open311Properties properties = bind(Map.of("CASEDESK_OPEN311_CLIENTS_CITYAPP_CHANNEL", "INTERNET",
                "CASEDESK_OPEN311_CLIENTS_CITYAPP_KEYSHA256", HASH));

        assertThat(properties.clients()).containsOnlyKeys("cityapp");
        assertThat(properties.clients().get("cityapp")).isEqualTo(new Open311Properties.Client("INTERNET", HASH));
    }

    @Test
    void aKeyInsteadOfItsHashIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("CASEDESK_OPEN311_CLIENTS_CITYAPP_CHANNEL", "INTERNET",
                "CASEDESK_OPEN311_CLIENTS_CITYAPP_KEYSHA256", "demo-open311-key")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("key-sha256");
    }

    @Test
    void twoClientsWithOneKeyAreRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("CASEDESK_OPEN311_CLIENTS_ONE_CHANNEL", "INTERNET",
                "CASEDESK_OPEN311_CLIENTS_ONE_KEYSHA256", HASH, "CASEDESK_OPEN311_CLIENTS_TWO_CHANNEL", "TV_315",
                "CASEDESK_OPEN311_CLIENTS_TWO_KEYSHA256", HASH)))
                .rootCause().hasMessageContaining("another client's key");
    }

    private static Open311Properties bind(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("casedesk.open311", Open311Properties.class).get();
    }
}
