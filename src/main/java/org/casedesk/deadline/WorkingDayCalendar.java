package org.casedesk.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * China's official working days: Monday to Friday, minus the public holidays, plus the weekend days made
 * working days (调休). The schedule of each year is a data file: those shipped in
 * {@code deadline/holidays-cn/}, and any {@code YYYY.json} dropped into the holiday directory, read the first
 * time a date of that year is asked about. A year with no file falls back to Monday to Friday, says so in
 * the log once, and is listed by {@link #yearsWithoutData()} for the health endpoint.
 */
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path holidayDirectory;
    /** Per year, the listed dates: true for a day off, false for a make-up working day. */
    private final Map<Integer, Map<LocalDate, Boolean>> schedules = new ConcurrentHashMap<>();
    private final Set<Integer> yearsWithoutData = new ConcurrentSkipListSet<>();

    /** @param holidayDirectory where new years' files are dropped; null when there is none */
    public WorkingDayCalendar(Path holidayDirectory) {
        this.holidayDirectory = holidayDirectory;
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:deadline/holidays-cn/*.json")) {
                try (InputStream in = file.getInputStream()) {
                    add(file.getFilename(), in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped holiday schedules", e);
        }
        log.info("Working-day calendar: schedules for {}; more from {}", yearsWithData(), holidayDirectory);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean offDay = schedule(day.getYear()).map(days -> days.get(day)).orElse(null);
        if (offDay != null) {
            return !offDay;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The working day {@code workingDays} working days after {@code day}: 7 working days from Thursday
     * 2026-02-12 is Saturday 2026-02-28. Zero means the same day when it is a working day, else the next one
     * ("the same working day" of a case received on a holiday is the first working day after it).
     */
    public LocalDate addWorkingDays(LocalDate day, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("Working days cannot be negative: " + workingDays);
        }
        LocalDate result = day;
        if (workingDays == 0) {
            while (!isWorkingDay(result)) {
                result = result.plusDays(1);
            }
            return result;
        }
        for (int counted = 0; counted < workingDays; ) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return result;
    }

    public Set<Integer> yearsWithData() {
        return new TreeSet<>(schedules.keySet());
    }

    /** Years a date was asked about that have no schedule: their deadlines count Monday to Friday only. */
    public Set<Integer> yearsWithoutData() {
        return Set.copyOf(yearsWithoutData);
    }

    private Optional<Map<LocalDate, Boolean>> schedule(int year) {
        Map<LocalDate, Boolean> days = schedules.get(year);
        if (days == null) {
            days = readDroppedFile(year);
        }
        if (days == null) {
            if (yearsWithoutData.add(year)) {
                log.warn("No holiday schedule for {}: its deadlines count Monday to Friday only. "
                        + "Put {}.json into {} as soon as the State Council publishes it.", year, year, holidayDirectory);
            }
            return Optional.empty();
        }
        return Optional.of(days);
    }

    private Map<LocalDate, Boolean> readDroppedFile(int year) {
        if (holidayDirectory == null) {
            return null;
        }
        Path file = holidayDirectory.resolve(year + ".json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            add(file.toString(), in);
            yearsWithoutData.remove(year);
            log.info("Working-day calendar: read the schedule for {} from {}", year, file);
            return schedules.get(year);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Reads {@code {"year": 2026, "days": [{"date": "2026-01-01", "offDay": true}, ...]}}. */
    private void add(String source, InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        int year = root.path("year").asInt();
        Map<LocalDate, Boolean> days = new ConcurrentHashMap<>();
        for (JsonNode day : root.path("days")) {
            LocalDate date = LocalDate.parse(day.path("date").asText());
            if (date.getYear() != year || !day.path("offDay").isBoolean()) {
                throw new IllegalStateException(source + ": bad day " + day + " in the schedule of " + year);
            }
            days.put(date, day.path("offDay").asBoolean());
        }
        if (year == 0 || days.isEmpty()) {
            throw new IllegalStateException(source + ": no year or no days");
        }
        schedules.put(year, days);
    }
}
