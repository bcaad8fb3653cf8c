package org.casedesk.workorder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The reply to 12345 without the setting it needs. */
class WorkOrderRepliesTests {

    @Test
    void withoutAReplyUrlTheReplyFailsNamingTheSettingAndTheWorkOrder() {
        WorkOrderReplies replies = new WorkOrderReplies(null, new WorkOrderProperties(null, null), RestClient.builder());

        assertThatThrownBy(() -> replies.reply("GD-20261129-0001", "SH20261129000001"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casedesk.work-order.reply-url").hasMessageContaining("GD-20261129-0001");
    }
}
