package org.casedesk.registration;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Bound to the completion of {@code Task_RegisterCase} in {@code processes/case-lifecycle.bpmn}: stores the task's
 * assignee (Tasklist assigns a task to whoever claims it) on the case as the operator who registered it, for the
 * reports by operator. Kept on the case rather than looked up in the engine's history per case, which is slow over
 * a month of cases and gone once the history's time to live has passed.
 */
@Component
public class RecordRegisteredByListener implements TaskListener {

    private final CaseFileService caseFiles;

    public RecordRegisteredByListener(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void notify(DelegateTask task) {
        caseFiles.recordRegisteredBy(text(task, CASE_NUMBER), task.getAssignee());
    }
}
