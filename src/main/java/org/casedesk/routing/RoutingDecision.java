package org.casedesk.routing;

/**
 * Where a case goes and why: a unit, or the dispatcher when no rule could decide ({@code unitCode} and
 * {@code unitName} are then {@code null}).
 *
 * @param rule a Chinese sentence naming the rule that decided, shown to staff as {@code routingRule}
 */
record RoutingDecision(String unitCode, String unitName, String rule) {

    /** The value of {@code routedTo}, read by {@code Gateway_Routed}. */
    enum RoutedTo { UNIT, DISPATCHER }

    static RoutingDecision toUnit(HandlingUnit unit, String rule) {
        return new RoutingDecision(unit.code(), unit.name(), rule);
    }

    static RoutingDecision toDispatcher(String rule) {
        return new RoutingDecision(null, null, rule);
    }

    RoutedTo routedTo() {
        return unitCode == null ? RoutedTo.DISPATCHER : RoutedTo.UNIT;
    }
}
