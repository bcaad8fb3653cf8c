package org.casedesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.casedesk.identity.StaffGroups.AUDITORS;
import static org.casedesk.identity.StaffGroups.DISPATCHERS;
import static org.casedesk.identity.StaffGroups.INTAKE_SYSTEMS;
import static org.casedesk.identity.StaffGroups.OPERATORS;
import static org.casedesk.identity.StaffGroups.SUPERVISORS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.casedesk.routing.RoutingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role of DESIGN.md "Who uses it" may do in the engine, in one table ({@link #ROLES}, plus
 * {@link #UNIT} for every {@code unit-<code>} group of the {@link RoutingTable}); the README's "Roles" section
 * says the same in words. Camunda authorization is on ({@code camunda.bpm.authorization.enabled}), so a
 * logged-in user can do only what these grants (or Camunda's own, below) allow; {@code camunda-admin} may do
 * everything ({@link #ADMINISTRATORS}).
 * <p>
 * Tasks are not in the table: when a task is offered to a candidate group (a unit, operators, …) or assigned,
 * Camunda itself grants that group or user READ and UPDATE on that one task. That is what keeps a unit to its own
 * tasks; no group here has task rights across all tasks except the auditors' READ.
 * <p>
 * Work without a logged-in user — the job executor running timers, reminders and mail, Open311 clients (API key,
 * not a Camunda user), start-up code — is not checked by Camunda, nor is code inside delegates and listeners.
 * <p>
 * In every profile, since production needs the same rights. Runs once the application is ready, before the demo
 * users and filters are used, and adds only what is missing: one GRANT per group and resource, whose missing
 * permissions are added to it; rights granted in Camunda Admin beyond the table stay. Two nodes starting at once
 * may both try to create the same grant; the database's unique key refuses the second, which then finds the
 * first's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RoleAuthorizations {

    /** One row of the table: a group may do {@code permissions} on the resource {@code resourceId} (or all, *). */
    record Grant(String group, Resource resource, String resourceId, Set<Permission> permissions) {

        Grant(String group, Resource resource, String resourceId, Permission... permissions) {
            this(group, resource, resourceId, new LinkedHashSet<>(List.of(permissions)));
        }
    }

    /** The process a Tasklist user may start: the case, and a unit's requests about its case's deadlines. */
    static final String CASE_LIFECYCLE = "case-lifecycle";
    static final String RECORD_TESTING_TIME = "record-testing-time";
    static final String EXTEND_VERIFICATION = "extend-verification";

    /** The grants of the fixed groups. */
    static final List<Grant> ROLES = List.of(
            // operators (话务员): Tasklist, start a case from the start form; their tasks come as candidates
            new Grant(OPERATORS, APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(OPERATORS, FILTER, ANY, Permissions.READ),
            new Grant(OPERATORS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
            // operators start cases, and register and revisit every case: Tasklist shows each case's facts with its tasks
            new Grant(OPERATORS, PROCESS_DEFINITION, CASE_LIFECYCLE, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.READ_INSTANCE),
            new Grant(OPERATORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE),
            // dispatchers (分送): Tasklist, their dispatch tasks as candidates
            new Grant(DISPATCHERS, APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(DISPATCHERS, FILTER, ANY, Permissions.READ),
            new Grant(DISPATCHERS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
            new Grant(DISPATCHERS, PROCESS_DEFINITION, CASE_LIFECYCLE, ProcessDefinitionPermissions.READ_INSTANCE),
            // supervisors (督办): Tasklist and Cockpit, deploy changed BPMN, move and recount running cases
            new Grant(SUPERVISORS, APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(SUPERVISORS, APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(SUPERVISORS, FILTER, ANY, Permissions.READ),
            new Grant(SUPERVISORS, DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ),
            new Grant(SUPERVISORS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
                    ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(SUPERVISORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.UPDATE),
            new Grant(SUPERVISORS, BATCH, ANY, BatchPermissions.READ,
                    BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES),
            new Grant(SUPERVISORS, DECISION_DEFINITION, ANY, Permissions.READ),
            // auditors: Cockpit, read everything running and finished, change nothing
            new Grant(AUDITORS, APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(AUDITORS, DEPLOYMENT, ANY, Permissions.READ),
            new Grant(AUDITORS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(AUDITORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
            new Grant(AUDITORS, TASK, ANY, TaskPermissions.READ),
            new Grant(AUDITORS, BATCH, ANY, BatchPermissions.READ),
            new Grant(AUDITORS, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
            // intake systems: start a case through /api/v1/cases (it runs as the service account), nothing else
            new Grant(INTAKE_SYSTEMS, PROCESS_DEFINITION, CASE_LIFECYCLE,
                    ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant(INTAKE_SYSTEMS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));

    /**
     * Administrators ({@code camunda-admin}): everything, as Camunda's own first-admin set-up grants it. The engine
     * lets its admin group do all without grants, but the webapps' login asks for the grant to each application.
     */
    static final List<Grant> ADMINISTRATORS = Arrays.stream(Resources.values())
            .map(resource -> new Grant(CAMUNDA_ADMIN, resource, ANY, Permissions.ALL)).toList();

    /** The grants of each unit's group ({@code group} is replaced by {@code unit-<code>}). */
    static final List<Grant> UNIT = List.of(
            new Grant("unit", APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant("unit", FILTER, ANY, Permissions.READ),
            new Grant("unit", PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
            new Grant("unit", PROCESS_DEFINITION, RECORD_TESTING_TIME, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant("unit", PROCESS_DEFINITION, EXTEND_VERIFICATION, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant("unit", PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));

    private static final Logger log = LoggerFactory.getLogger(RoleAuthorizations.class);

    private final AuthorizationService authorizationService;
    private final RoutingTable routingTable;

    RoleAuthorizations(AuthorizationService authorizationService, RoutingTable routingTable) {
        this.authorizationService = authorizationService;
        this.routingTable = routingTable;
    }

    /** The whole table: the role grants, the administrators' and each routing-table unit's, one per group and resource. */
    List<Grant> grants() {
        List<Grant> all = new ArrayList<>(ROLES);
        all.addAll(ADMINISTRATORS);
        routingTable.units().forEach(unit -> UNIT.forEach(grant -> all.add(new Grant(StaffGroups.unit(unit.code()),
                grant.resource(), grant.resourceId(), grant.permissions()))));
        Map<List<Object>, Grant> merged = new LinkedHashMap<>();
        for (Grant grant : all) {
            merged.merge(List.of(grant.group(), grant.resource().resourceType(), grant.resourceId()), grant,
                    (one, other) -> {
                        Set<Permission> union = new LinkedHashSet<>(one.permissions());
                        union.addAll(other.permissions());
                        return new Grant(one.group(), one.resource(), one.resourceId(), union);
                    });
        }
        return List.copyOf(merged.values());
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        int changed = 0;
        for (Grant grant : grants()) {
            if (ensure(grant)) {
                changed++;
            }
        }
        log.info("Role authorizations: {} grants created or completed", changed);
    }

    /** Creates the grant, or adds its missing permissions to the existing one; true if anything changed. */
    private boolean ensure(Grant grant) {
        Authorization existing = find(grant);
        if (existing == null) {
            try {
                Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                created.setGroupId(grant.group());
                created.setResource(grant.resource());
                created.setResourceId(grant.resourceId());
                grant.permissions().forEach(created::addPermission);
                authorizationService.saveAuthorization(created);
                return true;
            } catch (RuntimeException e) {
                // another node created it a moment ago (unique key on type, group, resource type and id)
                existing = find(grant);
                if (existing == null) {
                    throw e;
                }
            }
        }
        Authorization current = existing;
        List<Permission> missing = grant.permissions().stream()
                .filter(permission -> !current.isPermissionGranted(permission)).toList();
        if (missing.isEmpty()) {
            return false;
        }
        missing.forEach(current::addPermission);
        authorizationService.saveAuthorization(current);
        return true;
    }

    private Authorization find(Grant grant) {
        return authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    }
}
