package org.casedesk.routing;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A unit reads the cases forwarded to it, and only those: when a case reaches a unit, the unit's group
 * ({@code unit-<code>}, as the BPMN's candidate groups name it) gets READ on the case's process instance, so
 * Tasklist shows the case's facts with its tasks; when the unit returns it to the dispatcher, the grant goes.
 * Role-wide rights are in {@code org.casedesk.identity.RoleAuthorizations}.
 */
public final class UnitCaseAccess {

    public static void grant(DelegateExecution execution, String unitCode) {
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        if (existing(execution, unitCode) != null) {
            return;
        }
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group(unitCode));
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(execution.getProcessInstanceId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }

    public static void revoke(DelegateExecution execution, String unitCode) {
        Authorization read = existing(execution, unitCode);
        if (read != null) {
            execution.getProcessEngineServices().getAuthorizationService().deleteAuthorization(read.getId());
        }
    }

    private static Authorization existing(DelegateExecution execution, String unitCode) {
        return execution.getProcessEngineServices().getAuthorizationService().createAuthorizationQuery()
                .groupIdIn(group(unitCode)).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(execution.getProcessInstanceId()).singleResult();
    }

    private static String group(String unitCode) {
        return "unit-" + unitCode;
    }

    private UnitCaseAccess() {
    }
}
