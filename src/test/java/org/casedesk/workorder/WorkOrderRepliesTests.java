package org.casedesk.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The reply to 12345 without the setting it needs. */
class WorkOrderRepliesTests {

    @Test
    void withoutAReplyUrlTheReplyFailsNamingTheSettingAndTheWorkOrder() {
        WorkOrderReplies replies = new WorkOrderReplies(null, new WorkOrderProperties(null, null), RestClient.builder(),
                new ObjectMapper());

        assertThatThrownBy(() -> replies.reply("GD-20261129-0001", "SH20261129000001"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casedesk.work-order.reply-url").hasMessageContaining("GD-20261129-0001");
    }

    @Test
    void emptyEnvironmentVariablesAsComposePassesThemMeanNoReplyUrl() {
        Binder environment = new Binder(new MapConfigurationPropertySource(Map.of(
                "casedesk.work-order.reply-url", "", "casedesk.work-order.reply-token", "")));

        WorkOrderProperties properties = environment.bindOrCreate("casedesk.work-order", WorkOrderProperties.class);

        assertThat(properties.replyUrl()).isNull();
        assertThat(properties.replyToken()).isNull();
    }
}
