package org.casedesk.workorder;

import static org.casedesk.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bound to {@code Task_ReplyWorkOrder} in {@code processes/case-lifecycle.bpmn}: after {@code Task_CloseCase}, a
 * case that came as a 12345 work order answers it. The step is asynchronous with retries, so an outage of the 12345
 * system delays the reply and ends as an incident, never as a lost reply or a case that cannot close.
 */
@Component
public class ReplyWorkOrderDelegate implements JavaDelegate {

    private final WorkOrderReplies replies;

    ReplyWorkOrderDelegate(WorkOrderReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        replies.reply(text(execution, WORK_ORDER_ID), text(execution, CASE_NUMBER));
    }
}
