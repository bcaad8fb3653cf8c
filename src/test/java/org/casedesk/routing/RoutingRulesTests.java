package org.casedesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.casedesk.routing.RoutingDecision.RoutedTo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** The Forward (分送) rules, run on the routing table and platform list that ship with the app. */
class RoutingRulesTests {

    private final RoutingRules rules = new RoutingRules(new RoutingTable(new RoutingProperties(
            new ClassPathResource("routing/routing-table.csv"), new ClassPathResource("routing/platforms.csv"))));

    @ParameterizedTest(name = "Given {0}, when routed, then it goes to ''{5}''")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                                  | channel    | district   | street          | platform  | unit        | rule
            a 3·15 transfer against a shop on a street with a row   | TV_315     | 310101     | 南京东路街道     | -         | 12315-315   | 按受理渠道（TV_315）分送
            a 3·15 transfer with no respondent place                | TV_315     | -          | -               | -         | 12315-315   | 按受理渠道（TV_315）分送
            a 3·15 transfer against a platform merchant             | TV_315     | -          | -               | 拼多多     | 12315-315   | 按受理渠道（TV_315）分送
            a 3·15 transfer whose channel is padded                 | ' TV_315 ' | 310104     | -               | -         | 12315-315   | 按受理渠道（TV_315）分送
            a phone call against a Huangpu shop                     | PHONE      | 310101     | -               | -         | 310101      | 按被投诉人实际经营地（黄浦区）分送
            a 12345 transfer against a shop on 南京东路街道           | HOTLINE_12345 | 310101  | 南京东路街道     | -         | 310101-njdl | 按被投诉人实际经营地（黄浦区南京东路街道）分送
            a letter against a shop on 陆家嘴街道                    | LETTER     | 310115     | 陆家嘴街道       | -         | 310115-ljz  | 按被投诉人实际经营地（浦东新区陆家嘴街道）分送
            a visit about a shop in 张江镇                           | VISIT      | 310115     | 张江镇           | -         | 310115-zj   | 按被投诉人实际经营地（浦东新区张江镇）分送
            a Pudong shop on a street without a row                 | PHONE      | 310115     | 花木街道         | -         | 310115      | 按被投诉人实际经营地（浦东新区）分送
            a street recorded under the wrong district              | PHONE      | 310115     | 南京东路街道     | -         | 310115      | 按被投诉人实际经营地（浦东新区）分送
            a street with no district                               | PHONE      | -          | 陆家嘴街道       | -         | -           | 未能自动分送：被投诉人所在区不明，转分送岗
            a padded district and street                            | PHONE      | ' 310101 ' | ' 南京东路街道 ' | -         | 310101-njdl | 按被投诉人实际经营地（黄浦区南京东路街道）分送
            a blank street                                          | PHONE      | 310115     | '   '           | -         | 310115      | 按被投诉人实际经营地（浦东新区）分送
            a channel without a row of its own                      | INTERNET   | 310110     | -               | -         | 310110      | 按被投诉人实际经营地（杨浦区）分送
            no channel at all                                       | -          | 310117     | -               | -         | 310117      | 按被投诉人实际经营地（松江区）分送
            a district code outside Shanghai                        | PHONE      | 320102     | -               | -         | -           | 未能自动分送：被投诉人所在区代码（320102）不在分送表中，转分送岗
            a district name typed where the code belongs            | PHONE      | 黄浦区      | -               | -         | -           | 未能自动分送：被投诉人所在区代码（黄浦区）不在分送表中，转分送岗
            an unknown district of a platform merchant              | INTERNET   | 320102     | -               | 拼多多     | -           | 未能自动分送：被投诉人所在区代码（320102）不在分送表中，转分送岗
            a platform merchant with a district of its own          | INTERNET   | 310104     | -               | 拼多多     | 310104      | 按被投诉人实际经营地（徐汇区）分送
            a 拼多多 merchant with no district                        | INTERNET   | -          | -               | 拼多多     | 310105      | 电商平台经营者：按平台（拼多多）住所地（长宁区）分送
            a 饿了么 merchant with a blank district                   | INTERNET   | ''         | -               | 饿了么     | 310107      | 电商平台经营者：按平台（饿了么）住所地（普陀区）分送
            a padded 小红书 with no district                          | PHONE      | -          | -               | ' 小红书 ' | 310101      | 电商平台经营者：按平台（小红书）住所地（黄浦区）分送
            a 盒马 merchant with only a street                        | PHONE      | -          | 张江镇           | 盒马       | 310115      | 电商平台经营者：按平台（盒马）住所地（浦东新区）分送
            a merchant on a platform not on the list                | INTERNET   | -          | -               | 淘宝       | -           | 未能自动分送：被投诉人所在区不明，电商平台（淘宝）不在平台名录中，转分送岗
            a case with nothing known about the respondent          | PHONE      | -          | -               | -         | -           | 未能自动分送：被投诉人所在区不明，转分送岗
            a case whose values are all blank                       | ''         | '  '       | ''              | '   '     | -           | 未能自动分送：被投诉人所在区不明，转分送岗
            """)
    void routesACaseByTheFirstRuleThatApplies(String description, String channel, String district, String street,
            String platform, String expectedUnit, String expectedRule) {
        // Given
        RoutingRequest request = new RoutingRequest(channel, district, street, platform);

        // When
        RoutingDecision decision = rules.route(request);

        // Then
        assertThat(decision.unitCode()).isEqualTo(expectedUnit);
        assertThat(decision.rule()).isEqualTo(expectedRule);
        assertThat(decision.routedTo()).isEqualTo(expectedUnit == null ? RoutedTo.DISPATCHER : RoutedTo.UNIT);
        assertThat(decision.unitName() == null).isEqualTo(expectedUnit == null);
    }

    @ParameterizedTest(name = "Given a respondent in {1} ({0}), when routed, then its district bureau handles the case")
    @CsvSource({
            "310101, 黄浦区", "310104, 徐汇区", "310105, 长宁区", "310106, 静安区",
            "310107, 普陀区", "310109, 虹口区", "310110, 杨浦区", "310112, 闵行区",
            "310113, 宝山区", "310114, 嘉定区", "310115, 浦东新区", "310116, 金山区",
            "310117, 松江区", "310118, 青浦区", "310120, 奉贤区", "310151, 崇明区" })
    void routesEveryShanghaiDistrictToItsBureau(String district, String name) {
        // When
        RoutingDecision decision = rules.route(new RoutingRequest("PHONE", district, null, null));

        // Then
        assertThat(decision.unitCode()).isEqualTo(district);
        assertThat(decision.unitName()).isEqualTo(name + "市场监督管理局");
        assertThat(decision.rule()).isEqualTo("按被投诉人实际经营地（" + name + "）分送");
    }

    @Test
    void givenTheDispatcherChoseAStreetOfficeWhenAssignedThenTheCaseGoesThereByHand() {
        // When
        RoutingDecision decision = rules.assign(" 310115-zj ");

        // Then
        assertThat(decision.unitCode()).isEqualTo("310115-zj");
        assertThat(decision.unitName()).isEqualTo("浦东新区市场监督管理局张江市场监督管理所");
        assertThat(decision.routedTo()).isEqualTo(RoutedTo.UNIT);
        assertThat(decision.rule()).isEqualTo("分送岗人工分送");
    }

    @ParameterizedTest(name = "Given the dispatcher chose ''{0}'', when assigned, then it is refused as unknown")
    @ValueSource(strings = { "310199", "unit-310101", "黄浦区" })
    void refusesAUnitThatIsNotInTheTable(String unitCode) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rules.assign(unitCode))
                .withMessageContaining(unitCode)
                .withMessageContaining("不在分送表中")
                .withMessageContaining("Unknown handling unit");
    }

    @ParameterizedTest(name = "Given the dispatcher chose ''{0}'', when assigned, then it is refused as missing")
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void refusesAMissingUnit(String unitCode) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rules.assign(unitCode))
                .withMessage("分送岗未选择承办单位 / The dispatcher chose no handling unit");
    }
}
