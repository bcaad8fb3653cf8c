package org.casedesk.registration;

import static org.casedesk.casefile.CaseVariables.*;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.casedesk.intake.RepeatCalls;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_MergeCase} in {@code processes/case-lifecycle.bpmn}, on the registration decision
 * {@code MERGED}: the operator found the case a true duplicate of an open case intake linked it to (市民重复来电),
 * so it is recorded as merged into that case and goes on to {@code Task_CloseCase}, which closes it as
 * {@code MERGED}. A case that is not one of the linked open cases, or one closed meanwhile, is refused and the
 * register task stays open.
 * <p>
 * A comment naming the merged case and its facts, which may be new, goes on each task the open case waits on:
 * Tasklist shows it in that task's History tab, and it stays with the case's process instance
 * ({@code TaskService#getProcessInstanceComments}). Tasks the case reaches later do not show it, so a unit that
 * receives the case afterwards learns of the duplicate only from the process instance's comments. An open case waiting on no task (its
 * process ended by hand) is refused, since no one would read the comment.
 */
@Component
public class MergeCaseDelegate implements JavaDelegate {

    private final RepeatCalls repeatCalls;

    public MergeCaseDelegate(RepeatCalls repeatCalls) {
        this.repeatCalls = repeatCalls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = text(execution, CASE_NUMBER);
        String intoCaseNumber = text(execution, MERGE_INTO);
        String intoProcessInstanceId = repeatCalls.lockMergeTarget(caseNumber, intoCaseNumber);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        List<Task> openTasks = tasks.createTaskQuery().processInstanceId(intoProcessInstanceId).list();
        if (openTasks.isEmpty()) {
            throw new IllegalArgumentException("mergeInto (合并到已有案件): " + intoCaseNumber + " waits on no task (its"
                    + " process was ended in Cockpit?), so no one would learn of the merge; register case " + caseNumber
                    + " as a case of its own");
        }
        String comment = comment(caseNumber, text(execution, DESCRIPTION), text(execution, CLAIM));
        for (Task openTask : openTasks) {
            tasks.createComment(openTask.getId(), intoProcessInstanceId, comment);
        }
        repeatCalls.recordMerge(caseNumber, intoCaseNumber);
    }

    private static String comment(String caseNumber, String description, String claim) {
        return "市民重复来电：案件 " + caseNumber + " 已并入本案，请一并处理。其诉求内容："
                + (description == null ? "（未填）" : description) + (claim == null ? "" : "　具体诉求：" + claim);
    }
}
