package org.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.casedesk.CaseDeskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The prod profile refuses to start, with a message that says what to set, rather than run without its first
 * administrator or with the demo users. It stops before the engine starts, so the in-memory database is enough.
 */
class ProductionStartupTests {

    @Test
    void withoutTheAdministratorInTheEnvironmentTheAppDoesNotStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod"))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessage("The prod profile needs the first administrator: set CASEDESK_ADMIN_ID and "
                        + "CASEDESK_ADMIN_PASSWORD in the environment");
    }

    @Test
    void withTheDemoProfileTheAppDoesNotStart() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod,demo", "--CASEDESK_ADMIN_ID=chief",
                "--CASEDESK_ADMIN_PASSWORD=Zx-12315-Secure"))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessage("The prod profile does not run with the demo users: remove the demo profile from "
                        + "SPRING_PROFILES_ACTIVE (e.g. mysql,prod)");
    }

    /** Command-line arguments, which win over the -Pmysql run's spring.profiles.active system property. */
    private static void start(String... arguments) {
        String[] common = {"--spring.datasource.url=jdbc:h2:mem:production-startup", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false"};
        new SpringApplicationBuilder(CaseDeskApplication.class)
                .run(Stream.concat(Stream.of(common), Stream.of(arguments)).toArray(String[]::new)).close();
    }
}
