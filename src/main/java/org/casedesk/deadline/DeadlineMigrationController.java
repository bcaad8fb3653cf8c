package org.casedesk.deadline;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/deadline-migrations?processKey=case-lifecycle}: after a supervisor deployed a changed
 * deadline from Camunda Modeler, moves the running cases to the new version with their deadlines recounted.
 * Supervisors only; the caller is authenticated by {@code RestAuthentication} (HTTP Basic).
 */
@RestController
class DeadlineMigrationController {

    private final DeadlineMigration migration;
    private final IdentityService identityService;

    DeadlineMigrationController(DeadlineMigration migration, IdentityService identityService) {
        this.migration = migration;
        this.identityService = identityService;
    }

    @PostMapping("/api/v1/deadline-migrations")
    DeadlineMigration.MigrationResult migrate(@RequestParam(defaultValue = "case-lifecycle") String processKey) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || !caller.getGroupIds().contains("supervisors")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only supervisors move cases to a new deadline");
        }
        try {
            return migration.migrateToLatest(processKey);
        } catch (IllegalArgumentException unknownProcess) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknownProcess.getMessage());
        } catch (MigratingProcessInstanceValidationException | MigrationPlanValidationException incompatible) {
            // the new version lacks a step some running case is at: nothing moved, Camunda says which
            throw new ResponseStatusException(HttpStatus.CONFLICT, incompatible.getMessage());
        }
    }
}
