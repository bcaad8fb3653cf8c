package org.casedesk.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bound to the {@code Task_Escalate<Step>} steps that follow each {@code Timer_<Step>Due} in
 * {@code processes/case-lifecycle.bpmn}: starts {@code processes/overdue-escalation.bpmn} for the case (mark
 * overdue, tell the unit and supervisors, a supervision task 督办) as a process of its own, so the case goes on
 * while supervisors work the escalation.
 */
@Component
public class EscalateOverdueDelegate implements JavaDelegate {

    private final DeadlineProcesses processes;

    public EscalateOverdueDelegate(DeadlineProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        processes.start("overdue-escalation", execution);
    }
}
