package org.casedesk.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bound to the {@code Task_Remind<Step>} steps that follow each {@code Timer_<Step>Reminder} in
 * {@code processes/case-lifecycle.bpmn}: starts {@code processes/deadline-reminder.bpmn}, whose asynchronous
 * mail step then retries on its own, so a mail outage never holds up the case or its subprocesses.
 */
@Component
public class StartReminderDelegate implements JavaDelegate {

    private final DeadlineProcesses processes;

    public StartReminderDelegate(DeadlineProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        processes.start("deadline-reminder", execution);
    }
}
