package org.casedesk.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.casedesk.casefile.CentreTime;
import org.casedesk.deadline.OverdueCases;
import org.casedesk.deadline.OverdueCases.OverdueDeadline;

/**
 * The daily overdue bulletin (每日超期通报) of {@code processes/overdue-bulletin.bpmn}: the Shanghai day it is
 * for and the open overdue deadlines by unit ({@link OverdueCases}), as the supervisors read them.
 */
record OverdueBulletin(LocalDate day, List<OverdueCases.Unit> units) {

    boolean isEmpty() {
        return units.isEmpty();
    }

    /** How many cases are overdue; a case with two overdue steps counts once. */
    long caseCount() {
        return units.stream().flatMap(unit -> unit.deadlines().stream()).map(OverdueDeadline::caseNumber)
                .distinct().count();
    }

    /**
     * One paragraph per unit: its name and count of cases, then one line per overdue step, e.g.
     * {@code   SH20261120000003  受理审查  期限 2026-11-27 23:59  超期 3 天}.
     */
    String text() {
        return units.stream().map(this::paragraph).collect(Collectors.joining("\n\n"));
    }

    private String paragraph(OverdueCases.Unit unit) {
        String heading = (unit.code() == null ? unit.name() : unit.name() + "（" + unit.code() + "）")
                + "，超期 " + unit.caseCount() + " 件：";
        return unit.deadlines().stream()
                .map(deadline -> "  " + deadline.caseNumber() + "  " + stepName(deadline.deadline()) + "  期限 "
                        + CentreTime.MINUTES.format(deadline.dueAt()) + "  " + overdue(deadline.dueAt()))
                .collect(Collectors.joining("\n", heading + "\n", ""));
    }

    /** Calendar days from the Shanghai day the step was due to the bulletin's day. */
    private String overdue(Instant dueAt) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(dueAt, CentreTime.ZONE), day);
        return days < 1 ? "超期不足 1 天" : "超期 " + days + " 天";
    }

    /** The step's Chinese name; a key this version does not know is shown as it is rather than failing the mail. */
    private static String stepName(String key) {
        return Arrays.stream(Deadline.values()).filter(deadline -> deadline.name().equals(key)).findFirst()
                .map(Deadline::displayName).orElse(key);
    }
}
