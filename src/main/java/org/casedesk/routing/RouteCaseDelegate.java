package org.casedesk.routing;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.CHANNEL;
import static org.casedesk.casefile.CaseVariables.HANDLING_UNIT;
import static org.casedesk.casefile.CaseVariables.HANDLING_UNIT_NAME;
import static org.casedesk.casefile.CaseVariables.PLATFORM_NAME;
import static org.casedesk.casefile.CaseVariables.RESPONDENT_DISTRICT;
import static org.casedesk.casefile.CaseVariables.RESPONDENT_STREET;
import static org.casedesk.casefile.CaseVariables.ROUTED_TO;
import static org.casedesk.casefile.CaseVariables.ROUTING_RULE;
import static org.casedesk.casefile.CaseVariables.UNIT_RECEIVED_AT;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Forwards a registered case to its unit by the {@link RoutingRules}, or to the dispatcher when they
 * cannot decide. Bound to {@code Task_RouteCase} in {@code processes/case-lifecycle.bpmn};
 * {@code Gateway_Routed} reads {@code routedTo}.
 */
@Component
public class RouteCaseDelegate implements JavaDelegate {

    private final RoutingRules rules;
    private final CaseFileService caseFiles;

    public RouteCaseDelegate(RoutingRules rules, CaseFileService caseFiles) {
        this.rules = rules;
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoutingDecision decision = rules.route(new RoutingRequest(
                (String) execution.getVariable(CHANNEL),
                (String) execution.getVariable(RESPONDENT_DISTRICT),
                (String) execution.getVariable(RESPONDENT_STREET),
                (String) execution.getVariable(PLATFORM_NAME)));
        execution.setVariable(ROUTED_TO, decision.routedTo().name());
        execution.setVariable(HANDLING_UNIT, decision.unitCode());
        execution.setVariable(HANDLING_UNIT_NAME, decision.unitName());
        execution.setVariable(ROUTING_RULE, decision.rule());
        String caseNumber = (String) execution.getVariable(CASE_NUMBER);
        if (decision.routedTo() == RoutingDecision.RoutedTo.UNIT) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            caseFiles.recordForwarded(caseNumber, decision.unitCode(), decision.unitName(), now);
            UnitCaseAccess.grant(execution, decision.unitCode());
            execution.setVariable(UNIT_RECEIVED_AT, now.toString());
        } else {
            caseFiles.recordAwaitingDispatch(caseNumber);
        }
    }
}
