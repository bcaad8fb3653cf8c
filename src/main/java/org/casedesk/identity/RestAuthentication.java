package org.casedesk.identity;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic with the Camunda users for {@code /engine-rest} (Camunda Modeler deploys there) and for our own
 * {@code /api}: Camunda's own authentication filter, which also tells the engine who is calling, so the
 * supervisor who deploys or migrates is recorded in the history. The webapps keep their session login, which
 * {@code /api} also takes for a GET of a report ({@link WebappSessionOrHttpBasic}).
 */
@Configuration
class RestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        return authentication("/engine-rest", HttpBasicAuthenticationProvider.class);
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
        return authentication("/api", WebappSessionOrHttpBasic.class);
    }

    /**
     * Camunda's filter for the paths under one prefix; it reads the engine's name from the path after the prefix,
     * so each prefix needs a filter of its own.
     */
    private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentication(String prefix,
            Class<? extends AuthenticationProvider> provider) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("authentication" + prefix.replace("/", "-"));
        registration.addUrlPatterns(prefix + "/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                provider.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix);
        // first of our filters: those after it (e.g. the intake API's) see who is calling
        registration.setOrder(0);
        return registration;
    }
}
