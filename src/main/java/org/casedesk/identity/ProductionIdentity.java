package org.casedesk.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Who may log in to production at first: only the administrator from the environment, whom the Camunda starter
 * creates from {@code camunda.bpm.admin-user} ({@code application-prod.yaml}); every other user is made in Admin.
 * A process engine plugin, so that it refuses before the engine starts, and so before the starter could create an
 * administrator with an empty password or {@link DemoIdentity} the demo users with theirs.
 */
@Component
@Profile("prod")
class ProductionIdentity extends AbstractProcessEnginePlugin {

    private final CamundaBpmProperties camunda;
    private final Environment environment;

    ProductionIdentity(CamundaBpmProperties camunda, Environment environment) {
        this.camunda = camunda;
        this.environment = environment;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (environment.matchesProfiles("demo | default")) {
            throw new IllegalStateException("The prod profile does not run with the demo users: remove the demo "
                    + "profile from SPRING_PROFILES_ACTIVE (e.g. mysql,prod)");
        }
        AdminUserProperty admin = camunda.getAdminUser();
        if (!StringUtils.hasText(admin.getId()) || !StringUtils.hasText(admin.getPassword())) {
            throw new IllegalStateException("The prod profile needs the first administrator: set CASEDESK_ADMIN_ID "
                    + "and CASEDESK_ADMIN_PASSWORD in the environment");
        }
    }
}
