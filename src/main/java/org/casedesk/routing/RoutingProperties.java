package org.casedesk.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where {@link RoutingTable} reads its two files from. The defaults ship in the jar; a supervisor who
 * changes the routing points these at a copy of their own, e.g.
 * {@code casedesk.routing.table=file:/etc/casedesk/routing-table.csv}, and restarts without a rebuild.
 *
 * @param table the routing table: district, street and channel rows naming the handling unit
 * @param platforms the e-commerce platform operators domiciled in Shanghai and their district
 */
@ConfigurationProperties(prefix = "casedesk.routing")
public record RoutingProperties(
        @DefaultValue("classpath:routing/routing-table.csv") Resource table,
        @DefaultValue("classpath:routing/platforms.csv") Resource platforms) {
}
