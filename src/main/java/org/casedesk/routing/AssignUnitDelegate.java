package org.casedesk.routing;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.HANDLING_UNIT;
import static org.casedesk.casefile.CaseVariables.HANDLING_UNIT_NAME;
import static org.casedesk.casefile.CaseVariables.ROUTED_TO;
import static org.casedesk.casefile.CaseVariables.ROUTING_RULE;
import static org.casedesk.casefile.CaseVariables.UNIT_OPTIONS;
import static org.casedesk.casefile.CaseVariables.UNIT_RECEIVED_AT;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Checks the unit the dispatcher chose in {@code dispatch-case}, names it and records it on the case. An unknown code throws,
 * so completing the dispatcher's task fails with the reason and the task stays open. Bound to
 * {@code Task_AssignUnit} in {@code processes/case-lifecycle.bpmn}.
 */
@Component
public class AssignUnitDelegate implements JavaDelegate {

    private final RoutingRules rules;
    private final CaseFileService caseFiles;

    public AssignUnitDelegate(RoutingRules rules, CaseFileService caseFiles) {
        this.rules = rules;
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoutingDecision decision = rules.assign((String) execution.getVariable(HANDLING_UNIT));
        execution.setVariable(ROUTED_TO, decision.routedTo().name());
        execution.setVariable(HANDLING_UNIT, decision.unitCode());
        execution.setVariable(HANDLING_UNIT_NAME, decision.unitName());
        execution.setVariable(ROUTING_RULE, decision.rule());
        execution.removeVariable(UNIT_OPTIONS);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        caseFiles.recordForwarded((String) execution.getVariable(CASE_NUMBER), decision.unitCode(),
                decision.unitName(), now);
        execution.setVariable(UNIT_RECEIVED_AT, now.toString());
        UnitCaseAccess.grant(execution, decision.unitCode());
    }
}
