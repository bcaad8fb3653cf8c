package org.casedesk.reporting;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reports' servlet filter, on a URL pattern the servlet container matches after normalising the path, and
 * ordered after Camunda's HTTP Basic filter ({@code RestAuthentication}, order 0).
 */
@Configuration
class ReportingConfiguration {

    @Bean
    FilterRegistrationBean<ReportAccess> reportAccess(IdentityService identityService, ObjectMapper objectMapper) {
        FilterRegistrationBean<ReportAccess> registration =
                new FilterRegistrationBean<>(new ReportAccess(identityService, objectMapper));
        registration.addUrlPatterns("/api/v1/reports/*");
        registration.setOrder(1);
        return registration;
    }
}
