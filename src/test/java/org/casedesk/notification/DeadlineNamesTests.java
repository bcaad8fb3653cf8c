package org.casedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/** Every deadline the lifecycle names in a reminder or escalation step has a Chinese name for the mails. */
class DeadlineNamesTests {

    @Test
    void everyDeadlineOfTheLifecycleHasAName() {
        var keys = Bpmn.readModelFromFile(Path.of("processes/case-lifecycle.bpmn").toFile())
                .getModelElementsByType(CamundaInputParameter.class).stream()
                .filter(parameter -> parameter.getCamundaName().equals("deadline"))
                .map(parameter -> parameter.getTextContent().trim())
                .distinct()
                .toList();

        assertThat(keys).hasSize(9)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Deadline.values()).map(Enum::name).toList());
    }
}
