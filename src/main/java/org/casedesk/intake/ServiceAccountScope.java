package org.casedesk.intake;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the channel systems' service accounts to the intake API: on {@code /engine-rest} they get 403, since the
 * engine's REST API would otherwise let them read every channel's cases and personal data. Runs after Camunda's
 * authentication filter, which has put the caller on the identity service. Registered by {@link IntakeFilters}.
 */
class ServiceAccountScope extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final IntakeProperties properties;
    private final ObjectMapper objectMapper;

    ServiceAccountScope(IdentityService identityService, IntakeProperties properties, ObjectMapper objectMapper) {
        this.identityService = identityService;
        this.properties = properties;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller != null && properties.accounts().containsKey(caller.getUserId())) {
            IntakeProblems.write(response, objectMapper, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "接入系统的服务账号只可使用接入接口 /api/v1/cases"));
            return;
        }
        chain.doFilter(request, response);
    }
}
