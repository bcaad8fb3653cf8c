package org.casedesk.intake;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The intake API's two servlet filters, on URL patterns the servlet container matches after normalising the
 * path, and ordered after Camunda's authentication filter ({@code RestAuthentication}, order 0).
 */
@Configuration
class IntakeFilters {

    @Bean
    FilterRegistrationBean<ServiceAccountScope> serviceAccountScope(IdentityService identityService,
            IntakeProperties properties, ObjectMapper objectMapper) {
        FilterRegistrationBean<ServiceAccountScope> registration =
                new FilterRegistrationBean<>(new ServiceAccountScope(identityService, properties, objectMapper));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(IntakeProperties properties, ObjectMapper objectMapper) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties, objectMapper));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(2);
        return registration;
    }
}
