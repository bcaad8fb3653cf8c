package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code processes/extend-verification.bpmn}: a unit's request to extend a report's verification goes to the
 * supervisors, and only an approval extends it (its effect on a case: {@code DeadlineExtensionTests}).
 */
@Deployment(resources = "processes/extend-verification.bpmn")
class ExtendVerificationProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("process-tests.camunda.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    private final List<String> extended = new ArrayList<>();

    @BeforeEach
    void delegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("extendVerificationDelegate", (JavaDelegate) execution ->
                extended.add((String) execution.getVariable("caseNumber")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void approvedRequestExtendsTheVerification() {
        ProcessInstance request = requestExtension();
        assertThat(request).hasBusinessKey("SH20261128000042")
                .isWaitingAt("Task_ApproveExtension").task().hasCandidateGroup("supervisors");

        complete(task(request), Map.of("extensionDecision", "APPROVED", "approvalNote", "同意"));

        assertThat(request).isEnded().hasPassed("EndEvent_VerificationExtended");
        assertThat(extended).containsExactly("SH20261128000042");
    }

    @Test
    void refusedRequestChangesNothing() {
        ProcessInstance request = requestExtension();

        complete(task(request), Map.of("extensionDecision", "REFUSED", "approvalNote", "理由不充分"));

        assertThat(request).isEnded().hasPassed("EndEvent_ExtensionRefused");
        assertThat(extended).isEmpty();
    }

    private static ProcessInstance requestExtension() {
        return runtimeService().startProcessInstanceByKey("extend-verification",
                Map.of("caseNumber", "SH20261128000042", "extensionReason", "需调取第三方平台交易记录"));
    }
}
