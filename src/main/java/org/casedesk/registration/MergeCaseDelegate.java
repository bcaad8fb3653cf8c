package org.casedesk.registration;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.casedesk.intake.RepeatCalls;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_MergeCase} in {@code processes/case-lifecycle.bpmn}, on the registration decision
 * {@code MERGED}: the operator found the case a true duplicate of an open case intake linked it to (市民重复来电),
 * so it is recorded as merged into that case and goes on to {@code Task_CloseCase}, which closes it as
 * {@code MERGED}. A case that is not one of the linked open cases is refused and the register task stays open.
 */
@Component
public class MergeCaseDelegate implements JavaDelegate {

    private final RepeatCalls repeatCalls;

    public MergeCaseDelegate(RepeatCalls repeatCalls) {
        this.repeatCalls = repeatCalls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        repeatCalls.merge(text(execution, CASE_NUMBER), text(execution, MERGE_INTO));
    }
}
