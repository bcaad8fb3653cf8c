package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_MarkOverdue}, the first step of {@code processes/overdue-escalation.bpmn}, which a
 * deadline timer calls when a step's deadline passes: marks that deadline and the case overdue.
 */
@Component
public class MarkOverdueDelegate implements JavaDelegate {

    private final DeadlineFacts facts;

    public MarkOverdueDelegate(DeadlineFacts facts) {
        this.facts = facts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        facts.overdue((String) execution.getVariable(CASE_NUMBER), (String) execution.getVariable(DeadlineProcesses.DEADLINE),
                ClockUtil.getCurrentTime().toInstant());
    }
}
