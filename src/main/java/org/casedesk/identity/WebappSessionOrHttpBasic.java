package org.casedesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;

/**
 * Who calls {@code /api}: HTTP Basic as everywhere, or — for a GET of a report without credentials of its own — the
 * user logged into the webapps, whose pages (the supervisors' dashboard in Cockpit) read our reports with the
 * session's cookie rather than a password. Reports only, and reads only: a cookie goes along with any other site's
 * form or link too, so anything else must still prove its caller.
 */
public class WebappSessionOrHttpBasic extends HttpBasicAuthenticationProvider {

    private static final String REPORTS = "/api/v1/reports/";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        HttpSession session = request.getSession(false);
        if ("GET".equals(request.getMethod()) && request.getRequestURI().startsWith(REPORTS)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && session != null) {
            Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
            Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(engine.getName());
            if (login != null) {
                return AuthenticationResult.successful(login.getIdentityId());
            }
        }
        return super.extractAuthenticatedUser(request, engine);
    }
}
