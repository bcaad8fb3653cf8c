package org.casedesk.routing;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The Forward (分送) rules: which unit handles a case, decided from the {@link RoutingTable}. The first
 * rule that applies decides:
 * <ol>
 * <li>a channel with a row of its own (3·15 transfers) goes to that channel's unit;</li>
 * <li>a respondent whose district and street have a row goes to the street office;</li>
 * <li>a respondent whose district has a row goes to the district bureau (实际经营地 or domicile as
 * recorded); a district code without a row goes to the dispatcher;</li>
 * <li>a platform merchant whose own district is not recorded goes to the bureau of the platform's
 * domicile (Measures Art. 12);</li>
 * <li>anything else goes to the dispatcher (分送岗).</li>
 * </ol>
 * The dispatcher's choice is checked here too, so both ways into a unit name it the same way.
 */
@Component
public class RoutingRules {

    static final String MANUAL_RULE = "分送岗人工分送";

    private final RoutingTable table;

    public RoutingRules(RoutingTable table) {
        this.table = table;
    }

    RoutingDecision route(RoutingRequest request) {
        if (request.channel() != null) {
            Optional<HandlingUnit> channelUnit = table.forChannel(request.channel());
            if (channelUnit.isPresent()) {
                return RoutingDecision.toUnit(channelUnit.get(), "按受理渠道（" + request.channel() + "）分送");
            }
        }
        String district = request.respondentDistrict();
        if (district != null) {
            return routeByPlace(district, request.respondentStreet());
        }
        String platform = request.platformName();
        if (platform == null) {
            return RoutingDecision.toDispatcher("未能自动分送：被投诉人所在区不明，转分送岗");
        }
        return table.platformDistrict(platform)
                .map(platformDistrict -> RoutingDecision.toUnit(table.forDistrict(platformDistrict).orElseThrow(),
                        "电商平台经营者：按平台（" + platform + "）住所地（" + table.districtName(platformDistrict) + "）分送"))
                .orElseGet(() -> RoutingDecision.toDispatcher(
                        "未能自动分送：被投诉人所在区不明，电商平台（" + platform + "）不在平台名录中，转分送岗"));
    }

    /** The dispatcher's choice of unit code, checked against the table. */
    RoutingDecision assign(String unitCode) {
        String code = unitCode == null ? "" : unitCode.trim();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("分送岗未选择承办单位 / The dispatcher chose no handling unit");
        }
        HandlingUnit unit = table.unit(code).orElseThrow(() -> new IllegalArgumentException(
                "承办单位代码“" + code + "”不在分送表中 / Unknown handling unit '" + code + "': not in the routing table"));
        return RoutingDecision.toUnit(unit, MANUAL_RULE);
    }

    private RoutingDecision routeByPlace(String district, String street) {
        Optional<HandlingUnit> bureau = table.forDistrict(district);
        if (bureau.isEmpty()) {
            return RoutingDecision.toDispatcher("未能自动分送：被投诉人所在区代码（" + district + "）不在分送表中，转分送岗");
        }
        String place = table.districtName(district);
        if (street != null) {
            Optional<HandlingUnit> office = table.forStreet(district, street);
            if (office.isPresent()) {
                return RoutingDecision.toUnit(office.get(), "按被投诉人实际经营地（" + place + street + "）分送");
            }
        }
        return RoutingDecision.toUnit(bureau.get(), "按被投诉人实际经营地（" + place + "）分送");
    }
}
