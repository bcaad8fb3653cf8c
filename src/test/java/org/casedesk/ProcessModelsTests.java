package org.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What Camunda Modeler and Tasklist need of every file in {@code processes/}, read from the file itself. */
class ProcessModelsTests {

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("processes")).filter(file -> file.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void processIdIsTheFileNameAndHistoryHasATimeToLive(Path file) {
        String id = file.getFileName().toString().replace(".bpmn", "");

        Process process = read(file).getModelElementById(id);

        assertThat(process).as(id).isNotNull();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFlowNodeHasAShapeAndEverySequenceFlowAnEdge(Path file) {
        BpmnModelInstance model = read(file);
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);

        assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(node ->
                assertThat(shapes).anyMatch(shape -> shape.getBpmnElement() == node));
        assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(flow ->
                assertThat(edges).anyMatch(edge -> edge.getBpmnElement() == flow));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void noElementKeepsAModelerGeneratedId(Path file) {
        assertThat(read(file).getModelElementsByType(BaseElement.class)).extracting(BaseElement::getId)
                .filteredOn(id -> id != null)
                .noneMatch(id -> id.matches("(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task)_[0-9a-z]{7}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyBranchingGatewayHasADefaultFlow(Path file) {
        assertThat(read(file).getModelElementsByType(ExclusiveGateway.class))
                .filteredOn(gateway -> gateway.getOutgoing().size() > 1)
                .allSatisfy(gateway -> assertThat(gateway.getDefault()).as(gateway.getId()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyUserTaskAndStartFormLinkAFormFileWithThatId(Path file) throws IOException {
        BpmnModelInstance model = read(file);
        Stream<String> userTaskForms = model.getModelElementsByType(UserTask.class).stream().map(task -> {
            assertThat(task.getCamundaFormRef()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            return task.getCamundaFormRef();
        });
        Stream<String> startForms = model.getModelElementsByType(StartEvent.class).stream()
                .map(StartEvent::getCamundaFormRef).filter(ref -> ref != null);

        for (String formRef : Stream.concat(userTaskForms, startForms).toList()) {
            Path form = Path.of("forms", formRef + ".form");
            assertThat(form).as(formRef).exists();
            assertThat(new ObjectMapper().readTree(Files.readString(form)).get("id").asText()).isEqualTo(formRef);
        }
    }

    private static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }
}
