package org.casedesk.identity;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.filters.HttpHeaderSecurityFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Security headers on the answers of our APIs and the engine's REST API, which Camunda's header filter leaves out
 * (it covers the webapps only): Tomcat's own {@link HttpHeaderSecurityFilter} for {@code X-Content-Type-Options:
 * nosniff}, {@code X-Frame-Options: DENY} and, on HTTPS, HSTS when the webapps have it
 * ({@code camunda.bpm.webapp.header-security.hsts-disabled: false}, the prod profile); and
 * {@code Cache-Control: no-store}, since the answers may hold consumers' personal data that no browser or proxy
 * should keep (the engine's GETs end with Camunda's {@code no-cache}, which its own filter sets after this one).
 */
@Configuration
class ApiHeaders {

    private static final String[] PATHS = {"/api/*", "/engine-rest/*", "/open311/*", "/public/*"};

    /** Before HTTP Basic ({@link RestAuthentication}), so that its 401 carries the headers too. */
    private static final int HEADERS_FIRST = -1;

    @Bean
    FilterRegistrationBean<HttpHeaderSecurityFilter> apiSecurityHeaders(
            @Value("${camunda.bpm.webapp.header-security.hsts-disabled:true}") boolean hstsDisabled) {
        FilterRegistrationBean<HttpHeaderSecurityFilter> registration =
                new FilterRegistrationBean<>(new HttpHeaderSecurityFilter());
        registration.addUrlPatterns(PATHS);
        registration.addInitParameter("hstsEnabled", String.valueOf(!hstsDisabled));
        registration.addInitParameter("hstsMaxAgeSeconds", "31536000"); // a year, as the webapps' HSTS
        registration.addInitParameter("antiClickJackingOption", "DENY");
        registration.setOrder(HEADERS_FIRST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> apiNoStore() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            ((HttpServletResponse) response).setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns(PATHS);
        registration.setOrder(HEADERS_FIRST);
        return registration;
    }
}
