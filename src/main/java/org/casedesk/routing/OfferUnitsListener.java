package org.casedesk.routing;

import static org.casedesk.casefile.CaseVariables.UNIT_OPTIONS;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Offers the dispatcher every unit of the {@link RoutingTable} as it is loaded now, so a unit added to a
 * supervisor's own table can be chosen without changing the form: {@code dispatch-case} reads its options from
 * the Json variable {@code unitOptions}. Bound to the start of {@code Task_DispatchCase}.
 */
@Component
public class OfferUnitsListener implements ExecutionListener {

    private final String unitOptions;

    public OfferUnitsListener(RoutingTable table) throws JsonProcessingException {
        List<Option> options = table.units().stream().map(unit -> new Option(unit.name(), unit.code())).toList();
        this.unitOptions = new ObjectMapper().writeValueAsString(options);
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(UNIT_OPTIONS, SpinValues.jsonValue(unitOptions).create());
    }

    /** One choice of a form-js select. */
    private record Option(String label, String value) {
    }
}
