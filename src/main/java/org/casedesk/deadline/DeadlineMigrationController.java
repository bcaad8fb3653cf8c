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
 * deadline from Camunda Modeler (or dropped in a new holiday schedule), moves the running cases to the newest
 * version and recounts every running case's deadlines. 409 when the new version cannot take a case (nothing
 * moves), 404 for an unknown process. Supervisors only; the caller is authenticated by {@code RestAuthentication}.
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
