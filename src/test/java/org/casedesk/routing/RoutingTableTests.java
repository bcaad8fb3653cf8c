package org.casedesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Loading the routing table and platform list: the files that ship, and what start-up says about bad ones. */
class RoutingTableTests {

    /** GB/T 2260 codes and bureaus of Shanghai's 16 districts, as in shared/data/shanghai-districts.csv. */
    private static final List<HandlingUnit> DISTRICT_BUREAUS = List.of(
            new HandlingUnit("310101", "黄浦区市场监督管理局"), new HandlingUnit("310104", "徐汇区市场监督管理局"),
            new HandlingUnit("310105", "长宁区市场监督管理局"), new HandlingUnit("310106", "静安区市场监督管理局"),
            new HandlingUnit("310107", "普陀区市场监督管理局"), new HandlingUnit("310109", "虹口区市场监督管理局"),
            new HandlingUnit("310110", "杨浦区市场监督管理局"), new HandlingUnit("310112", "闵行区市场监督管理局"),
            new HandlingUnit("310113", "宝山区市场监督管理局"), new HandlingUnit("310114", "嘉定区市场监督管理局"),
            new HandlingUnit("310115", "浦东新区市场监督管理局"), new HandlingUnit("310116", "金山区市场监督管理局"),
            new HandlingUnit("310117", "松江区市场监督管理局"), new HandlingUnit("310118", "青浦区市场监督管理局"),
            new HandlingUnit("310120", "奉贤区市场监督管理局"), new HandlingUnit("310151", "崇明区市场监督管理局"));

    private static final String HEADER = "district,street,channel,unit,unitName\n";
    private static final String HUANGPU = "310101,,,310101,黄浦区市场监督管理局\n";

    private final RoutingTable shipped = new RoutingTable(new RoutingProperties(
            new ClassPathResource("routing/routing-table.csv"), new ClassPathResource("routing/platforms.csv")));

    @Test
    void givenTheShippedTableThenEachOfTheSixteenDistrictsGoesToItsBureau() {
        for (HandlingUnit bureau : DISTRICT_BUREAUS) {
            assertThat(shipped.forDistrict(bureau.code())).contains(bureau);
        }
        assertThat(shipped.units()).filteredOn(unit -> unit.code().matches("\\d{6}"))
                .containsExactlyElementsOf(DISTRICT_BUREAUS);
    }

    @Test
    void givenTheShippedTableThenNoTwoUnitsShareACodeOrAName() {
        List<HandlingUnit> units = shipped.units();

        assertThat(units).extracting(HandlingUnit::code).doesNotHaveDuplicates();
        assertThat(units).extracting(HandlingUnit::name).doesNotHaveDuplicates();
        assertThat(units).contains(new HandlingUnit("12315-315", "上海市12315中心3·15专办组"),
                new HandlingUnit("310115-ljz", "浦东新区市场监督管理局陆家嘴市场监督管理所"));
    }

    @Test
    void givenTheShippedTableThenThreeFifteenTransfersGoToTheCentresOwnDesk() {
        assertThat(shipped.forChannel("TV_315")).contains(new HandlingUnit("12315-315", "上海市12315中心3·15专办组"));
    }

    @ParameterizedTest(name = "Given the shipped platform list, then {0} is domiciled in {1}")
    @CsvSource({ "拼多多, 310105", "携程, 310105", "饿了么, 310107", "小红书, 310101", "哔哩哔哩, 310110",
            "得物, 310110", "盒马, 310115" })
    void knowsWhereEachShippedPlatformIsDomiciled(String platform, String district) {
        assertThat(shipped.platformDistrict(platform)).contains(district);
    }

    @Test
    void givenNoRoutingPropertiesWhenTheAppStartsThenTheShippedFilesAreUsed() {
        new ApplicationContextRunner().withUserConfiguration(RoutingTable.class).run(context ->
                assertThat(context.getBean(RoutingTable.class).units()).isEqualTo(shipped.units()));
    }

    @Test
    void givenASupervisorsOwnTableOnDiskWhenTheAppStartsThenItIsUsedInsteadOfTheShippedOne(@TempDir Path dir)
            throws IOException {
        // Given
        Path table = Files.writeString(dir.resolve("routing-table.csv"), HEADER + HUANGPU);
        Path platforms = Files.writeString(dir.resolve("platforms.csv"), "platform,district\n小红书,310101\n");

        // When / Then
        new ApplicationContextRunner().withUserConfiguration(RoutingTable.class)
                .withPropertyValues("casedesk.routing.table=file:" + table,
                        "casedesk.routing.platforms=file:" + platforms)
                .run(context -> assertThat(context.getBean(RoutingTable.class).units())
                        .containsExactly(new HandlingUnit("310101", "黄浦区市场监督管理局")));
    }

    @Test
    void givenAFileSavedWithAByteOrderMarkAndBlankLinesWhenLoadedThenItReadsAsUsual() {
        RoutingTable table = load("\uFEFF" + HEADER + HUANGPU + "\n", "platform,district\n\n小红书,310101\n");

        assertThat(table.units()).containsExactly(new HandlingUnit("310101", "黄浦区市场监督管理局"));
        assertThat(table.platformDistrict("小红书")).contains("310101");
    }

    @ParameterizedTest(name = "Given a routing table with {0}, when loaded, then start-up fails naming line {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # case (rows are separated by ;) | rows after the header                                               | line | reason
            a missing value                 | 310101,,310101,黄浦区市场监督管理局                                     | 2    | expected 5 values
            a value too many                | 310101,,,,310101,黄浦区市场监督管理局                                   | 2    | expected 5 values
            a district name for a code      | 黄浦区,,,310101,黄浦区市场监督管理局                                     | 2    | district must be a 6-digit GB/T 2260 code
            a row without its unit name     | 310101,,,310101,                                                     | 2    | unit and unitName are required
            a row with no district nor channel | ,南京东路街道,,310101-njdl,南京东路市场监督管理所                      | 2    | a row needs a district or a channel
            a channel row naming a district | 310101,,TV_315,12315-315,3·15专办组                                   | 2    | a channel row leaves district and street empty
            a district twice                | 310101,,,310101,黄浦区市场监督管理局;310101,,,310101-b,黄浦区二局         | 3    | district 310101 appears twice
            a unit with two names           | 310101,,,310101,黄浦区市场监督管理局;310104,,,310101,徐汇区市场监督管理局  | 3    | unit 310101 is already named 黄浦区市场监督管理局
            """)
    void failsStartUpOnAMalformedRoutingTable(String description, String rows, int line, String reason) {
        String table = HEADER + rows.replace(';', '\n') + "\n";

        assertThatIllegalStateException()
                .isThrownBy(() -> load(table, "platform,district\n"))
                .withMessageStartingWith("Malformed routing file Byte array resource [routing-table.csv], line "
                        + line + ": ")
                .withMessageContaining(reason);
    }

    @Test
    void givenATableWhoseFirstLineIsNotTheHeaderWhenLoadedThenStartUpFailsNamingLineOne() {
        assertThatIllegalStateException()
                .isThrownBy(() -> load(HUANGPU, "platform,district\n"))
                .withMessage("Malformed routing file Byte array resource [routing-table.csv], line 1: "
                        + "the first line must be the header district,street,channel,unit,unitName");
    }

    @Test
    void givenAPlatformInADistrictWithoutARowWhenLoadedThenStartUpFailsNamingThePlatformFileAndLine() {
        assertThatIllegalStateException()
                .isThrownBy(() -> load(HEADER + HUANGPU, "platform,district\n小红书,310101\n拼多多,310105\n"))
                .withMessage("Malformed routing file Byte array resource [platforms.csv], line 3: "
                        + "district 310105 has no row in the routing table");
    }

    @Test
    void givenARoutingTableThatDoesNotExistWhenLoadedThenStartUpFailsNamingIt() {
        Resource missing = new FileSystemResource("/nonexistent/casedesk/routing-table.csv");

        assertThatIllegalStateException()
                .isThrownBy(() -> new RoutingTable(new RoutingProperties(missing, platforms("platform,district\n"))))
                .withMessageStartingWith("Cannot read routing file file [/nonexistent/casedesk/routing-table.csv]");
    }

    private static RoutingTable load(String table, String platforms) {
        return new RoutingTable(new RoutingProperties(
                new ByteArrayResource(table.getBytes(StandardCharsets.UTF_8), "routing-table.csv"),
                platforms(platforms)));
    }

    private static Resource platforms(String platforms) {
        return new ByteArrayResource(platforms.getBytes(StandardCharsets.UTF_8), "platforms.csv");
    }
}
