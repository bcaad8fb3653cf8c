package org.casedesk.reporting;

import java.io.IOException;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps every report under {@code /api/v1/reports/} to supervisors, auditors and administrators: the figures name
 * units and operators, which other staff and the channel systems have no business reading. 403 for anyone else.
 * Runs after Camunda's authentication filter ({@code RestAuthentication}, order 0: HTTP Basic, or the webapps'
 * login for a GET), which has put the caller and their groups on the identity service. Registered by {@link ReportingConfiguration}.
 */
class ReportAccess extends OncePerRequestFilter {

    private static final Set<String> GROUPS = Set.of("supervisors", "auditors", Groups.CAMUNDA_ADMIN);

    private final IdentityService identityService;
    private final ObjectMapper objectMapper;

    ReportAccess(IdentityService identityService, ObjectMapper objectMapper) {
        this.identityService = identityService;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getGroupIds() == null
                || caller.getGroupIds().stream().noneMatch(GROUPS::contains)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "统计报表仅限督办、审计和管理员（supervisors、auditors、camunda-admin）查看"));
            return;
        }
        chain.doFilter(request, response);
    }
}
