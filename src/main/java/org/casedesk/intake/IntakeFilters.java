package org.casedesk.intake;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The intake API's servlet filters, and the body limit also for the Open311 adapter, on URL patterns the servlet
 * container matches after normalising the path, and ordered after Camunda's authentication filter
 * ({@code RestAuthentication}, order 0, on {@code /api} but not on {@code /open311}, whose clients use api_keys).
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
        return bodyLimit("/api/*", new RequestBodyLimit(properties.maxBodySize(), (request, response, limit) ->
                IntakeProblems.write(response, objectMapper, RequestBodyLimit.tooLarge(limit))));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> open311BodyLimit(IntakeProperties properties) {
        return bodyLimit("/open311/*", new RequestBodyLimit(properties.maxBodySize(), (request, response, limit) -> {
            Open311Format format = Open311Format.ofPath(request.getRequestURI());
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(format.mediaType().toString());
            response.getOutputStream().write(format.errors(HttpStatus.PAYLOAD_TOO_LARGE,
                    List.of(RequestBodyLimit.tooLarge(limit).getDetail())).getBody());
        }));
    }

    private static FilterRegistrationBean<RequestBodyLimit> bodyLimit(String urlPattern, RequestBodyLimit filter) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(filter);
        registration.setName("requestBodyLimit" + urlPattern.replace("/*", "").replace("/", "-"));
        registration.addUrlPatterns(urlPattern);
        registration.setOrder(2);
        return registration;
    }
}
