package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.COMPLAINANT_PHONE;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.casedesk.casefile.CentreTime;
import org.springframework.stereotype.Component;

/**
 * Starts the reminder and escalation processes of a case's deadline step, with the case number as business key
 * and the case's variables, so their mails and forms show the case — except the consumer's phone: whoever works an
 * overdue notice does not call the consumer, and sees the masked copy. The step's input parameters name the
 * {@code deadline} and the {@code recipientGroup}; {@code dueAt} is added from the stored deadline facts.
 */
@Component
public class DeadlineProcesses {

    static final String DEADLINE = "deadline";
    static final String DUE_AT = "dueAt";
    /** The same instant as staff read it in forms: Shanghai wall time. */
    static final String DUE_AT_SHANGHAI = "dueAtShanghai";

    private final DeadlineFacts facts;

    public DeadlineProcesses(DeadlineFacts facts) {
        this.facts = facts;
    }

    void start(String processKey, DelegateExecution step) {
        String caseNumber = (String) step.getVariable(CASE_NUMBER);
        String deadline = (String) step.getVariable(DEADLINE);
        Map<String, Object> variables = step.getVariables();
        variables.remove(COMPLAINANT_PHONE);
        facts.openDueAt(caseNumber, deadline).ifPresent(dueAt -> {
            variables.put(DUE_AT, dueAt.toString());
            variables.put(DUE_AT_SHANGHAI, CentreTime.MINUTES.format(dueAt));
        });
        step.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(processKey, caseNumber,
                variables);
    }
}
