package org.casedesk.deadline;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Bound to the start and end of every step that has a deadline timer ({@code Timer_<Step>Due}) in
 * {@code processes/case-lifecycle.bpmn}: stores when the step started, when it is due and when it finished.
 * The start is also the case variable {@code <step>StartedAt} (e.g. {@code acceptanceStartedAt}, when the unit
 * received the case), from which a later deadline may count: {@code ${'15WD from '.concat(acceptanceStartedAt)}}.
 */
@Component
public class RecordDeadlineListener implements ExecutionListener {

    private final DeadlineFacts facts;

    public RecordDeadlineListener(DeadlineFacts facts) {
        this.facts = facts;
    }

    /** {@code FIRST_CONTACT} → {@code firstContactStartedAt}. */
    static String startedAtVariable(String deadline) {
        StringBuilder name = new StringBuilder();
        for (String word : deadline.toLowerCase().split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name + "StartedAt";
    }

    @Override
    public void notify(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (EVENTNAME_START.equals(execution.getEventName())) {
            String deadline = DeadlineTimers.deadlineOf(execution).orElseThrow(() -> new IllegalStateException(
                    execution.getCurrentActivityId() + " records a deadline but has no Timer_<Step>Due"));
            facts.started(execution.getActivityInstanceId(), (String) execution.getVariable(CASE_NUMBER), deadline,
                    now, DeadlineTimers.dueDateOf(execution).orElseThrow().toInstant());
            execution.getProcessInstance().setVariable(startedAtVariable(deadline), now.toString());
        } else {
            facts.finished(execution.getActivityInstanceId(), now);
        }
    }
}
