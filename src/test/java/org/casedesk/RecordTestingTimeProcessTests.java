package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code processes/record-testing-time.bpmn}: the start form's facts reach the step that extends the mediation
 * deadline (its effect on a case is tested on the real application in {@code DeadlineExtensionTests}).
 */
@Deployment(resources = "processes/record-testing-time.bpmn")
class RecordTestingTimeProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("process-tests.camunda.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    private final List<String> extended = new ArrayList<>();

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("extendMediationDelegate", (JavaDelegate) execution -> extended.add(
                execution.getVariable("caseNumber") + " +" + execution.getVariable("testingWorkingDays")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void recordedTestingTimeExtendsTheNamedCase() {
        ProcessInstance recording = runtimeService().startProcessInstanceByKey("record-testing-time",
                Map.of("caseNumber", "SH20261128000042", "testingKind", "APPRAISAL", "testingWorkingDays", 10));

        assertThat(recording).isEnded().hasPassed("Task_ExtendMediation");
        assertThat(extended).containsExactly("SH20261128000042 +10");
        // filed under the case number, where the case's history in Cockpit finds it
        assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(recording.getId())
                .singleResult().getBusinessKey()).isEqualTo("SH20261128000042");
    }
}
