package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bound to the {@code Task_Escalate<Step>} steps that follow each {@code Timer_<Step>Due} in
 * {@code processes/case-lifecycle.bpmn}: starts {@code processes/overdue-escalation.bpmn} for the case (mark
 * overdue, tell the unit and supervisors, a supervision task 督办) as a process of its own, so the case goes on
 * while supervisors work the escalation. Its input parameters {@code deadline} and {@code recipientGroup}
 * travel with the case's variables.
 */
@Component
public class EscalateOverdueDelegate implements JavaDelegate {

    static final String ESCALATION_PROCESS = "overdue-escalation";

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ESCALATION_PROCESS,
                (String) execution.getVariable(CASE_NUMBER), execution.getVariables());
    }
}
