package org.casedesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/** The README's deadline table is what supervisors read; it must say what the BPMN does. */
class DeadlinesReadmeTests {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\|[^|]*\\| `(Timer_\\w+)` \\| `([^`]+)` \\|",
            Pattern.MULTILINE);

    @Test
    void readmeTableListsEveryTimerOfTheLifecycleWithItsCurrentValue() throws IOException {
        Map<String, String> readme = new HashMap<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            readme.put(row.group(1), row.group(2));
        }

        Map<String, String> bpmn = Bpmn.readModelFromFile(Path.of("processes/case-lifecycle.bpmn").toFile())
                .getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getId().startsWith("Timer_"))
                .collect(Collectors.toMap(BoundaryEvent::getId, event -> event.getEventDefinitions().stream()
                        .map(TimerEventDefinition.class::cast).findFirst().orElseThrow()
                        .getTimeDuration().getTextContent().trim()));

        assertThat(bpmn).hasSize(18);
        assertThat(readme).isEqualTo(bpmn);
    }
}
