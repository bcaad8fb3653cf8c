package org.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.casedesk.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared Tasklist filters, created on an in-memory engine as they are after deployment. */
class TasklistFiltersTests {

    private ProcessEngine engine;
    private FilterService filterService;
    private TasklistFilters filters;

    @BeforeEach
    void startEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        TestDatabase.use(configuration, "tasklist-filters");
        engine = configuration.buildProcessEngine();
        filterService = engine.getFilterService();
        filters = new TasklistFilters(filterService, engine.getTaskService());
    }

    @AfterEach
    void closeEngine() {
        engine.getIdentityService().clearAuthentication();
        engine.close();
    }

    @Test
    void givenTheFiltersExistWhenTheyAreCreatedAgainThenEachExistsOnce() {
        // Given
        filters.create();

        // When
        filters.create();

        // Then
        assertThat(filterService.createTaskFilterQuery().list()).extracting(Filter::getName)
                .containsExactlyInAnyOrder("我的待办", "本单位待办", "待登记", "待回访", "待分送", "督办",
                        "3·15 转办");
    }

    @Test
    void givenAHuangpuHandlerWhenTheyOpenTheirUnitsQueueThenTheySeeHuangpusTaskAndNotPudongs() {
        // Given
        filters.create();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("t").camundaCandidateGroups("${g}").endEvent().done())
                .deploy();
        RuntimeService runtimeService = engine.getRuntimeService();
        String huangpuCase = runtimeService.startProcessInstanceByKey("p", Map.of("g", "unit-310101")).getId();
        runtimeService.startProcessInstanceByKey("p", Map.of("g", "unit-310115"));

        // When
        engine.getIdentityService().setAuthentication("huangpu", List.of("unit-310101"));
        List<Task> queue = filterService.list(filter("本单位待办").getId());

        // Then
        assertThat(queue).extracting(Task::getProcessInstanceId).containsExactly(huangpuCase);
    }

    @Test
    void givenA315TransferAndAPhoneCaseWhenThe315FilterIsOpenedThenOnlyTheTransfersTaskIsListed() {
        // Given
        filters.create();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("t").camundaCandidateGroups("operators").endEvent().done())
                .deploy();
        RuntimeService runtimeService = engine.getRuntimeService();
        String transfer = runtimeService.startProcessInstanceByKey("p", Map.of("channel", "TV_315")).getId();
        runtimeService.startProcessInstanceByKey("p", Map.of("channel", "PHONE"));

        // When
        List<Task> queue = filterService.list(filter("3·15 转办").getId());

        // Then
        assertThat(queue).extracting(Task::getProcessInstanceId).containsExactly(transfer);
    }

    @Test
    void givenTheFiltersWhenTasklistReadsTheirPropertiesThenEachShowsTheCaseFactsAndRefreshes() {
        // When
        filters.create();

        // Then
        for (TasklistFilters.TaskFilter definition : TasklistFilters.FILTERS) {
            Map<String, Object> properties = filter(definition.name()).getProperties();
            assertThat(properties).containsEntry("priority", definition.priority())
                    .containsEntry("description", definition.description())
                    .containsEntry("refresh", true);
            assertThat(properties.get("variables")).asList().extracting("name")
                    .containsExactly("caseNumber", "complainantName", "respondentName", "handlingUnitName");
        }
    }

    private Filter filter(String name) {
        return filterService.createTaskFilterQuery().filterName(name).singleResult();
    }
}
