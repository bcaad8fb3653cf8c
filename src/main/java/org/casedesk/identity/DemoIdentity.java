package org.casedesk.identity;

import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
import static org.casedesk.identity.StaffGroups.AUDITORS;
import static org.casedesk.identity.StaffGroups.DISPATCHERS;
import static org.casedesk.identity.StaffGroups.INTAKE_SYSTEMS;
import static org.casedesk.identity.StaffGroups.OPERATORS;
import static org.casedesk.identity.StaffGroups.SUPERVISORS;
import static org.casedesk.identity.StaffGroups.unit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.casedesk.routing.RoutingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo staff, so that {@code ./mvnw spring-boot:run} can be tried in Tasklist at once: one user for
 * each role of DESIGN.md "Who uses it", the role groups, and a group {@code unit-<code>} for every unit
 * of the {@link RoutingTable}, named after the unit. All passwords are {@value #PASSWORD}; the README
 * lists the same {@link #USERS}.
 * <p>
 * Only in the {@code default} profile (and {@code demo}, which adds them to another profile such as
 * {@code mysql} for a trial or the cluster test): production staff are never created from code. Runs once the
 * application is ready and creates only what is missing, so a restart changes nothing and a password
 * changed in Camunda Admin stays changed. A user whose unit is not in the routing table is left out.
 */
@Component
@Profile({"default", "demo"})
class DemoIdentity {

    static final String PASSWORD = "demo";

    /** The role groups; the unit groups come from the routing table. */
    static final List<DemoGroup> ROLE_GROUPS = List.of(
            new DemoGroup(OPERATORS, "话务员", GROUP_TYPE_WORKFLOW),
            new DemoGroup(DISPATCHERS, "分送岗", GROUP_TYPE_WORKFLOW),
            new DemoGroup(SUPERVISORS, "督办", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AUDITORS, "审计", GROUP_TYPE_WORKFLOW),
            new DemoGroup(INTAKE_SYSTEMS, "接入系统", GROUP_TYPE_SYSTEM),
            new DemoGroup(CAMUNDA_ADMIN, "系统管理员", GROUP_TYPE_SYSTEM));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("operator", "王", "芳", OPERATORS),
            new DemoUser("dispatcher", "李", "强", DISPATCHERS),
            new DemoUser("huangpu", "张", "伟", unit("310101")),
            new DemoUser("pudong", "陈", "静", unit("310115")),
            new DemoUser("lujiazui", "刘", "洋", unit("310115-ljz")),
            new DemoUser("supervisor", "赵", "敏", SUPERVISORS),
            new DemoUser("auditor", "孙", "丽", AUDITORS),
            new DemoUser("internetplatform", "", "全国12315互联网平台", INTAKE_SYSTEMS),
            new DemoUser("hotline12345", "", "12345市民服务热线", INTAKE_SYSTEMS),
            new DemoUser("tv315", "", "3·15晚会转办", INTAKE_SYSTEMS),
            new DemoUser("admin", "", "管理员", CAMUNDA_ADMIN));

    private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

    private final IdentityService identityService;
    private final RoutingTable routingTable;

    DemoIdentity(IdentityService identityService, RoutingTable routingTable) {
        this.identityService = identityService;
        this.routingTable = routingTable;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        List<DemoGroup> groups = Stream.concat(ROLE_GROUPS.stream(), routingTable.units().stream()
                .map(unit -> new DemoGroup(unit(unit.code()), unit.name(), GROUP_TYPE_WORKFLOW)))
                .toList();
        long newGroups = groups.stream().filter(this::createIfMissing).count();
        Set<String> groupIds = groups.stream().map(DemoGroup::id).collect(Collectors.toSet());
        long newUsers = 0;
        for (DemoUser user : USERS) {
            if (!groupIds.contains(user.group())) {
                log.info("Demo user {} left out: the routing table has no group {}", user.id(), user.group());
            } else if (createIfMissing(user)) {
                newUsers++;
            }
        }
        log.info("Demo identity: {} groups and {} users created, password '{}'", newGroups, newUsers, PASSWORD);
    }

    private boolean createIfMissing(DemoGroup group) {
        if (identityService.createGroupQuery().groupId(group.id()).count() > 0) {
            return false;
        }
        Group entity = identityService.newGroup(group.id());
        entity.setName(group.name());
        entity.setType(group.type());
        identityService.saveGroup(entity);
        return true;
    }

    private boolean createIfMissing(DemoUser user) {
        boolean missing = identityService.createUserQuery().userId(user.id()).count() == 0;
        if (missing) {
            User entity = identityService.newUser(user.id());
            entity.setFirstName(user.givenName());
            entity.setLastName(user.familyName());
            entity.setEmail(user.email());
            entity.setPassword(PASSWORD);
            identityService.saveUser(entity);
        }
        if (identityService.createUserQuery().userId(user.id()).memberOfGroup(user.group()).count() == 0) {
            identityService.createMembership(user.id(), user.group());
        }
        return missing;
    }

    /** A Camunda group: id, Chinese name, and type (WORKFLOW for staff, SYSTEM for administrators). */
    record DemoGroup(String id, String name, String type) {
    }

    /** A demo user in one group; Camunda's first name is the given name (王芳: family 王, given 芳). */
    record DemoUser(String id, String familyName, String givenName, String group) {

        String email() {
            return id + "@casedesk.example";
        }
    }
}
