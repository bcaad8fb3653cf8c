package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What Camunda Modeler and Tasklist need of {@code processes/case-lifecycle.bpmn}, read from the file itself. */
class CaseLifecycleModelTests {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/case-lifecycle.bpmn"));

    @Test
    void processIdIsTheFileNameAndHistoryHasATimeToLive() {
        Process process = model.getModelElementById("case-lifecycle");

        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @Test
    void everyFlowNodeHasAShapeAndEverySequenceFlowAnEdge() {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);

        assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(node ->
                assertThat(shapes).anyMatch(shape -> shape.getBpmnElement() == node));
        assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(flow ->
                assertThat(edges).anyMatch(edge -> edge.getBpmnElement() == flow));
    }

    @Test
    void noElementKeepsAModelerGeneratedId() {
        assertThat(model.getModelElementsByType(BaseElement.class)).extracting(BaseElement::getId)
                .filteredOn(id -> id != null)
                .hasSizeGreaterThan(80)
                .noneMatch(id -> id.matches("(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task)_[0-9a-z]{7}"));
    }

    @Test
    void everyBranchingGatewayHasADefaultFlow() {
        assertThat(model.getModelElementsByType(ExclusiveGateway.class))
                .filteredOn(gateway -> gateway.getOutgoing().size() > 1)
                .allSatisfy(gateway -> assertThat(gateway.getDefault()).as(gateway.getId()).isNotNull());
    }

    @Test
    void everyUserTaskAndTheStartFormLinkAFormFileWithThatId() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StartEvent caseReceived = model.getModelElementById("StartEvent_CaseReceived");
        List<String> formRefs = new ArrayList<>(model.getModelElementsByType(UserTask.class).stream()
                .map(task -> {
                    assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
                    return task.getCamundaFormRef();
                }).toList());
        formRefs.add(caseReceived.getCamundaFormRef());

        for (String formRef : formRefs) {
            Path form = Path.of("forms", formRef + ".form");
            assertThat(form).as(formRef).exists();
            assertThat(json.readTree(Files.readString(form)).get("id").asText()).isEqualTo(formRef);
        }
    }
}
