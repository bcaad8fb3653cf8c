package org.casedesk.reporting;

import java.util.List;

import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.OverdueCases;
import org.casedesk.notification.Deadline;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/overdue}: the open overdue steps now, by handling unit — the daily bulletin's list
 * ({@link OverdueCases}) for the supervisors' dashboard in Cockpit, with each step's Chinese name and its due time
 * as staff read it (Shanghai).
 */
@RestController
class OverdueReportController {

    private final OverdueCases overdueCases;

    OverdueReportController(OverdueCases overdueCases) {
        this.overdueCases = overdueCases;
    }

    @GetMapping("/api/v1/reports/overdue")
    List<Unit> overdue() {
        return overdueCases.byUnit().stream().map(unit -> new Unit(unit.code(), unit.name(), unit.deadlines().stream()
                .map(deadline -> new Step(deadline.caseNumber(), deadline.deadline(),
                        Deadline.of(deadline.deadline()).displayName(),
                        CentreTime.MINUTES.format(deadline.dueAt()))).toList())).toList();
    }

    /** A unit ({@code code} null for cases not yet with one) and its open overdue steps, longest overdue first. */
    record Unit(String code, String name, List<Step> deadlines) {
    }

    record Step(String caseNumber, String deadline, String step, String dueAtShanghai) {
    }
}
