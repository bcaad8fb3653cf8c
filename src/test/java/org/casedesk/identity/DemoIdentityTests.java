package org.casedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.casedesk.TestDatabase;
import org.casedesk.routing.RoutingTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo staff, created on an in-memory engine from the shipped routing table or a smaller one. */
class DemoIdentityTests {

    private ProcessEngine engine;
    private IdentityService identityService;

    @BeforeEach
    void startEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        TestDatabase.use(configuration, "demo-identity");
        // as camunda.bpm.generic-properties in application.yaml: unit groups are named unit-<code>
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+|camunda-admin|unit-[a-zA-Z0-9-]+");
        engine = configuration.buildProcessEngine();
        identityService = engine.getIdentityService();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void givenTheDemoIdentityExistsWhenItIsCreatedAgainThenEachUserAndGroupExistsOnce() {
        // Given
        RoutingTable table = routingTable();
        DemoIdentity demoIdentity = new DemoIdentity(identityService, table);
        demoIdentity.create();

        // When
        demoIdentity.create();

        // Then
        assertThat(identityService.createUserQuery().list()).extracting(User::getId)
                .containsExactlyInAnyOrder("operator", "dispatcher", "huangpu", "pudong", "lujiazui", "supervisor",
                        "auditor", "admin", "internetplatform", "hotline12345", "tv315");
        assertThat(identityService.createGroupQuery().count())
                .isEqualTo(DemoIdentity.ROLE_GROUPS.size() + table.units().size());
        for (DemoIdentity.DemoUser user : DemoIdentity.USERS) {
            assertThat(identityService.createGroupQuery().groupMember(user.id()).list()).extracting(Group::getId)
                    .containsExactly(user.group());
        }
    }

    @Test
    void givenTheShippedRoutingTableThenEachUnitHasAWorkflowGroupNamedAfterIt() {
        // When
        new DemoIdentity(identityService, routingTable()).create();

        // Then
        Group huangpu = identityService.createGroupQuery().groupId("unit-310101").singleResult();
        assertThat(huangpu.getName()).isEqualTo("黄浦区市场监督管理局");
        assertThat(huangpu.getType()).isEqualTo("WORKFLOW");
        assertThat(identityService.createGroupQuery().groupId("unit-310115-ljz").singleResult().getName())
                .isEqualTo("浦东新区市场监督管理局陆家嘴市场监督管理所");
        assertThat(identityService.createGroupQuery().groupId("camunda-admin").singleResult().getType())
                .isEqualTo("SYSTEM");
    }

    @Test
    void givenTheDemoIdentityThenAUnitHandlerHasAChineseNameAnEmailAndThePasswordDemo() {
        // When
        new DemoIdentity(identityService, routingTable()).create();

        // Then
        User huangpu = identityService.createUserQuery().userId("huangpu").singleResult();
        assertThat(huangpu.getFirstName()).isEqualTo("伟");
        assertThat(huangpu.getLastName()).isEqualTo("张");
        assertThat(huangpu.getEmail()).isEqualTo("huangpu@casedesk.example");
        assertThat(identityService.checkPassword("huangpu", "demo")).isTrue();
    }

    @Test
    void givenAUserChangedTheirPasswordWhenTheDemoIdentityIsCreatedAgainThenTheNewPasswordStays() {
        // Given
        DemoIdentity demoIdentity = new DemoIdentity(identityService, routingTable());
        demoIdentity.create();
        User operator = identityService.createUserQuery().userId("operator").singleResult();
        operator.setPassword("changed-in-admin");
        identityService.saveUser(operator);

        // When
        demoIdentity.create();

        // Then
        assertThat(identityService.checkPassword("operator", "changed-in-admin")).isTrue();
        assertThat(identityService.checkPassword("operator", "demo")).isFalse();
    }

    @Test
    void givenARoutingTableWithoutLujiazuiThenTheLujiazuiUserIsLeftOut(@TempDir Path dir) throws IOException {
        // Given
        Path table = Files.writeString(dir.resolve("routing-table.csv"), """
                district,street,channel,unit,unitName
                310101,,,310101,黄浦区市场监督管理局
                310115,,,310115,浦东新区市场监督管理局
                """);
        Path platforms = Files.writeString(dir.resolve("platforms.csv"), "platform,district\n");

        // When
        new DemoIdentity(identityService, routingTable("casedesk.routing.table=file:" + table,
                "casedesk.routing.platforms=file:" + platforms)).create();

        // Then
        assertThat(identityService.createUserQuery().userId("lujiazui").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup("unit-310115").list()).extracting(User::getId)
                .containsExactly("pudong");
    }

    /** The routing table as the application builds it: the shipped files unless the properties name others. */
    private static RoutingTable routingTable(String... properties) {
        AtomicReference<RoutingTable> table = new AtomicReference<>();
        new ApplicationContextRunner().withUserConfiguration(RoutingTable.class).withPropertyValues(properties)
                .run(context -> table.set(context.getBean(RoutingTable.class)));
        return table.get();
    }
}
