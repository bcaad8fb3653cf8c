package org.casedesk.registration;

import static org.casedesk.casefile.CaseVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_SplitCase}: a submission that is both complaint and report becomes two linked cases.
 * This case continues as the complaint; the report gets its own case number and its own lifecycle, started
 * at {@code StartEvent_SplitCaseReceived} in the same transaction.
 */
@Component
public class SplitCaseDelegate implements JavaDelegate {

    static final String SPLIT_CASE_MESSAGE = "Message_SplitCaseReceived";

    private final CaseFileService caseFiles;

    public SplitCaseDelegate(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String complaintNumber = text(execution, CASE_NUMBER);
        String reportNumber = caseFiles.splitOffReport(complaintNumber);

        Map<String, Object> reportVariables = execution.getVariables();
        reportVariables.put(CASE_NUMBER, reportNumber);
        reportVariables.put(CASE_TYPE, "REPORT");
        reportVariables.put(LINKED_CASE_NUMBER, complaintNumber);
        reportVariables.put(REGISTRATION_DECISION, RegistrationDecision.FORWARD.name());
        // the complaint answers the 12345 work order; the report keeps its deadline but sends no second reply
        reportVariables.remove(WORK_ORDER_ID);
        ProcessInstance report = execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(SPLIT_CASE_MESSAGE)
                .processInstanceBusinessKey(reportNumber)
                .setVariables(reportVariables)
                .correlateStartMessage();
        caseFiles.attachProcessInstance(reportNumber, report.getId());

        execution.setVariable(CASE_TYPE, "COMPLAINT");
        execution.setVariable(LINKED_CASE_NUMBER, reportNumber);
    }
}
