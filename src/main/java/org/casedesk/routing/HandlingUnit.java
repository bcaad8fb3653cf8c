package org.casedesk.routing;

/**
 * A unit that handles cases (承办单位): a district bureau, one of its street offices, or a desk of the
 * centre itself. Its code names the Camunda group {@code unit-<code>} whose members work its cases.
 */
public record HandlingUnit(String code, String name) {
}
