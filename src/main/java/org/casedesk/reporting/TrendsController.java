package org.casedesk.reporting;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The trend reports as JSON under {@code /api/v1/reports}: hotspots, the watch-list, the consumer-environment index,
 * and the consumption measures the index needs. Who may read reports is decided for all of {@code /api/v1/reports}
 * in front of this controller; entering a measure is for supervisors only, checked here. Bad parameters answer 400
 * (problem+json) naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/reports")
class TrendsController {

    private static final ObjectReader STRICT = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readerFor(ConsumptionMeasure.class);

    private final Hotspots hotspots;
    private final WatchList watchList;
    private final ConsumerIndex consumerIndex;
    private final ConsumptionMeasures measures;
    private final IdentityService identityService;

    TrendsController(Hotspots hotspots, WatchList watchList, ConsumerIndex consumerIndex, ConsumptionMeasures measures,
            IdentityService identityService) {
        this.hotspots = hotspots;
        this.watchList = watchList;
        this.consumerIndex = consumerIndex;
        this.measures = measures;
        this.identityService = identityService;
    }

    /** @param week the Monday of the week; by default the last week that has ended */
    @GetMapping("/hotspots")
    Hotspots.Report hotspots(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        return hotspots.of(week == null ? TrendPeriods.lastCompleteWeek() : week);
    }

    /**
     * @param from a Monday; by default that of the 8th week before the last one ended
     * @param to a Sunday; by default that of the last week that has ended
     */
    @GetMapping("/watch-list")
    WatchList.Report watchList(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate lastWeek = TrendPeriods.lastCompleteWeek();
        return watchList.of(from == null ? lastWeek.minusWeeks(7) : from, to == null ? lastWeek.plusDays(6) : to);
    }

    /** @param period a month ({@code 2026-10}) or a year ({@code 2026}) */
    @GetMapping("/consumer-index")
    ConsumerIndex.Report consumerIndex(@RequestParam String period) {
        return consumerIndex.of(period);
    }

    /** @param period a month or a year; all periods when left out */
    @GetMapping("/consumption-measures")
    List<ConsumptionMeasure> consumptionMeasures(@RequestParam(required = false) String period) {
        return period == null ? measures.all() : measures.of(List.of(period));
    }

    /** Enters a measure, or replaces the value of the same period, measure and category. */
    @PutMapping("/consumption-measures")
    ConsumptionMeasure enterConsumptionMeasure(@RequestBody String body) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || !caller.getGroupIds().contains("supervisors")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only supervisors enter consumption measures");
        }
        return measures.save(read(body), caller.getUserId());
    }

    /** Strictly: a misspelt {@code category} would otherwise enter the measure for all consumption. */
    private static ConsumptionMeasure read(String body) {
        try {
            ConsumptionMeasure measure = STRICT.readValue(body);
            if (measure == null) {
                throw new IllegalArgumentException("请求体：应为一项消费指标");
            }
            return measure;
        } catch (UnrecognizedPropertyException unknown) {
            throw new IllegalArgumentException(unknown.getPropertyName() + "：不是消费指标的字段");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("请求体：" + e.getOriginalMessage());
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("报表参数有误");
        return problem;
    }
}
