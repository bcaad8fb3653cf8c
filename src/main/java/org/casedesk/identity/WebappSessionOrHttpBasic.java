package org.casedesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who calls {@code /api}: HTTP Basic as everywhere, or — for a GET only — the user logged into the webapps, whose
 * pages (the supervisors' dashboard in Cockpit) read our reports with the session's cookie rather than a password.
 * Reads only: a cookie goes along with any other site's form too, so a change must still prove its caller.
 */
public class WebappSessionOrHttpBasic extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        HttpSession session = request.getSession(false);
        if ("GET".equals(request.getMethod()) && session != null) {
            Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
            Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(engine.getName());
            if (login != null) {
                return AuthenticationResult.successful(login.getIdentityId());
            }
        }
        return super.extractAuthenticatedUser(request, engine);
    }
}
