package org.casedesk.registration;

import static org.casedesk.casefile.CaseVariables.CASE_NUMBER;
import static org.casedesk.casefile.CaseVariables.text;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.casedesk.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Stores on the case who registered it ({@code case_file.registered_by}, for the KPIs by operator) when
 * {@code Task_RegisterCase} of {@code processes/case-lifecycle.bpmn} completes. The listener is added as the engine
 * reads each version of the process, as {@code DeadlinePlugin} adds its own, rather than written in the BPMN: a case
 * waiting at registration stays on the version it started on, and one deployed before this code would otherwise
 * never record its operator.
 * <p>
 * The operator is whoever completes the task: the logged-in user (Tasklist, REST), else the task's assignee (who
 * claimed it). The task is first assigned to that user, so that the engine's history, which the star-operator
 * report reads, names the same operator as the case.
 */
@Component
class RecordRegisteredByPlugin extends AbstractProcessEnginePlugin {

    private static final String PROCESS = "case-lifecycle";
    private static final String REGISTRATION_TASK = "Task_RegisterCase";

    private final CaseFileService caseFiles;

    RecordRegisteredByPlugin(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (REGISTRATION_TASK.equals(activity.getId())
                        && PROCESS.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::recordOperator);
                }
            }

            private void recordOperator(DelegateTask task) {
                Authentication caller = task.getProcessEngineServices().getIdentityService()
                        .getCurrentAuthentication();
                if (caller != null && caller.getUserId() != null && !caller.getUserId().equals(task.getAssignee())) {
                    task.setAssignee(caller.getUserId());
                }
                caseFiles.recordRegisteredBy(text(task, CASE_NUMBER), task.getAssignee());
            }
        });
    }
}
