package org.casedesk.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The routing table supervisors maintain, read once at start-up from the files named by
 * {@link RoutingProperties}. {@link RoutingRules} consults it in the Forward (分送) step; the dispatcher
 * picks from its {@link #units()}, offered by {@link OfferUnitsListener}.
 * <p>
 * {@code routing-table.csv} (UTF-8, header {@code district,street,channel,unit,unitName}, one row a line,
 * values without commas) has three kinds of row:
 * <ul>
 * <li>district row: {@code district} is the GB/T 2260 code of a Shanghai district, {@code street} and
 * {@code channel} are empty, the unit is that district's market-supervision bureau, whose name is the
 * district name followed by 市场监督管理局;</li>
 * <li>street row: {@code district} and {@code street} (the 街道 or 镇 as recorded on the case) name the
 * street office that handles the respondents of that street;</li>
 * <li>channel row: only {@code channel} (a channel code such as {@code TV_315}) is set; every case from
 * that channel goes to the unit, whatever its respondent.</li>
 * </ul>
 * {@code unit} is the unit code (the Camunda group is {@code unit-<code>}); {@code unitName} its full
 * name. {@code platforms.csv} (header {@code platform,district}) lists the e-commerce platform operators
 * domiciled in Shanghai and the code of their district, which must have a district row.
 * <p>
 * The 16 district codes, names and bureaus come from GB/T 2260 via {@code shared/data/shanghai-districts.csv}.
 * A malformed file stops start-up with an error naming the file and the line.
 */
@Component
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingTable {

    private static final Logger log = LoggerFactory.getLogger(RoutingTable.class);

    private static final String TABLE_HEADER = "district,street,channel,unit,unitName";
    private static final String PLATFORMS_HEADER = "platform,district";
    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{6}");
    private static final String BUREAU_SUFFIX = "市场监督管理局";

    private final Map<String, HandlingUnit> units = new LinkedHashMap<>();
    private final Map<String, HandlingUnit> byChannel = new HashMap<>();
    private final Map<String, HandlingUnit> byDistrict = new HashMap<>();
    private final Map<Street, HandlingUnit> byStreet = new HashMap<>();
    private final Map<String, String> platformDistricts = new HashMap<>();

    public RoutingTable(RoutingProperties properties) {
        readTable(properties.table());
        readPlatforms(properties.platforms());
        log.info("Routing table {}: {} districts, {} streets, {} channels, {} units; platforms {}: {} platforms",
                properties.table().getDescription(), byDistrict.size(), byStreet.size(), byChannel.size(),
                units.size(), properties.platforms().getDescription(), platformDistricts.size());
    }

    /** Every unit a case can be forwarded to, in the order of the routing table. */
    public List<HandlingUnit> units() {
        return List.copyOf(units.values());
    }

    Optional<HandlingUnit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    Optional<HandlingUnit> forChannel(String channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    /** Whether the code is one of the Shanghai districts the table routes. */
    public boolean isDistrict(String code) {
        return byDistrict.containsKey(code);
    }

    /** The Shanghai districts the table routes: GB/T 2260 code → name (310101 → 黄浦区), by code. */
    public Map<String, String> districts() {
        Map<String, String> districts = new LinkedHashMap<>();
        byDistrict.keySet().stream().sorted().forEach(code -> districts.put(code, districtName(code)));
        return districts;
    }

    Optional<HandlingUnit> forDistrict(String district) {
        return Optional.ofNullable(byDistrict.get(district));
    }

    Optional<HandlingUnit> forStreet(String district, String street) {
        return Optional.ofNullable(byStreet.get(new Street(district, street)));
    }

    Optional<String> platformDistrict(String platform) {
        return Optional.ofNullable(platformDistricts.get(platform));
    }

    /** The district's name, taken from its bureau's name (黄浦区市场监督管理局 → 黄浦区), for routing sentences. */
    String districtName(String district) {
        return forDistrict(district)
                .map(bureau -> bureau.name().endsWith(BUREAU_SUFFIX)
                        ? bureau.name().substring(0, bureau.name().length() - BUREAU_SUFFIX.length())
                        : bureau.name())
                .orElse(district);
    }

    private void readTable(Resource file) {
        for (Line line : read(file, TABLE_HEADER)) {
            String district = line.field(0);
            String street = line.field(1);
            String channel = line.field(2);
            HandlingUnit unit = unit(file, line, line.field(3), line.field(4));
            if (!channel.isEmpty()) {
                if (!district.isEmpty() || !street.isEmpty()) {
                    throw malformed(file, line.number(), "a channel row leaves district and street empty");
                }
                putOnce(byChannel, channel, unit, file, line, "channel " + channel);
            } else if (district.isEmpty()) {
                throw malformed(file, line.number(), "a row needs a district or a channel");
            } else {
                requireDistrictCode(district, file, line);
                if (street.isEmpty()) {
                    putOnce(byDistrict, district, unit, file, line, "district " + district);
                } else {
                    putOnce(byStreet, new Street(district, street), unit, file, line,
                            "district " + district + " street " + street);
                }
            }
        }
    }

    private HandlingUnit unit(Resource file, Line line, String code, String name) {
        if (code.isEmpty() || name.isEmpty()) {
            throw malformed(file, line.number(), "unit and unitName are required");
        }
        HandlingUnit unit = new HandlingUnit(code, name);
        HandlingUnit known = units.putIfAbsent(code, unit);
        if (known != null && !known.equals(unit)) {
            throw malformed(file, line.number(), "unit " + code + " is already named " + known.name());
        }
        return unit;
    }

    private void readPlatforms(Resource file) {
        for (Line line : read(file, PLATFORMS_HEADER)) {
            String platform = line.field(0);
            String district = line.field(1);
            if (platform.isEmpty()) {
                throw malformed(file, line.number(), "platform is required");
            }
            requireDistrictCode(district, file, line);
            if (!byDistrict.containsKey(district)) {
                throw malformed(file, line.number(), "district " + district + " has no row in the routing table");
            }
            putOnce(platformDistricts, platform, district, file, line, "platform " + platform);
        }
    }

    private static void requireDistrictCode(String district, Resource file, Line line) {
        if (!DISTRICT_CODE.matcher(district).matches()) {
            throw malformed(file, line.number(), "district must be a 6-digit GB/T 2260 code, not '" + district + "'");
        }
    }

    private static <K, V> void putOnce(Map<K, V> map, K key, V value, Resource file, Line line, String what) {
        if (map.putIfAbsent(key, value) != null) {
            throw malformed(file, line.number(), what + " appears twice");
        }
    }

    private static List<Line> read(Resource file, String header) {
        List<Line> lines = new ArrayList<>();
        int columns = header.split(",").length;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            // A spreadsheet saving "CSV UTF-8" puts a byte-order mark before the header
            if (first == null || !first.replace("\uFEFF", "").trim().equals(header)) {
                throw malformed(file, 1, "the first line must be the header " + header);
            }
            int number = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = text.split(",", -1);
                Line line = new Line(number, fields);
                if (fields.length != columns) {
                    throw malformed(file, line.number(), "expected " + columns + " values (" + header + ") but found "
                            + fields.length + ": " + text);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read routing file " + file.getDescription() + ": " + e.getMessage(), e);
        }
        return lines;
    }

    private static IllegalStateException malformed(Resource file, int line, String reason) {
        return new IllegalStateException(
                "Malformed routing file " + file.getDescription() + ", line " + line + ": " + reason);
    }

    private record Line(int number, String[] fields) {

        String field(int index) {
            return fields[index].trim();
        }
    }

    private record Street(String district, String street) {
    }
}
