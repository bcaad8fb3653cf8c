package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Bound to the start and end of every step that has a deadline timer ({@code Timer_<Step>Due}) in
 * {@code processes/case-lifecycle.bpmn}: stores when the step started, when it is due and when it finished. A
 * step that starts again (a new supervision round) starts without the extensions of its earlier round.
 */
@Component
public class RecordDeadlineListener implements ExecutionListener {

    private final DeadlineFacts facts;

    public RecordDeadlineListener(DeadlineFacts facts) {
        this.facts = facts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (EVENTNAME_START.equals(execution.getEventName())) {
            String deadline = DeadlineTimers.deadlineOf(execution).orElseThrow(() -> new IllegalStateException(
                    execution.getCurrentActivityId() + " records a deadline but has no Timer_<Step>Due"));
            facts.started(execution.getActivityInstanceId(), (String) execution.getVariable(CASE_NUMBER), deadline,
                    now, DeadlineTimers.dueDateOf(execution).orElseThrow().toInstant());
            execution.getProcessInstance().removeVariable(DeadlineExtension.extendedVariable(deadline));
        } else {
            facts.finished(execution.getActivityInstanceId(), now);
        }
    }
}
