package org.casedesk.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.casedesk.casefile.CaseFile;
import org.casedesk.casefile.CaseFileService;
import org.casedesk.casefile.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The consumer's own status check: a case number and the last four digits of the phone the case was filed
 * with. A wrong pair and an unknown case look the same to the caller. Failures are counted in the database,
 * per client and per case number, over the last {@value #WINDOW_MINUTES} minutes: past {@value #MAX_PER_CLIENT}
 * for a client or {@value #MAX_PER_CASE} for a case, look-ups are refused until the window has moved on, so
 * guessing 10,000 combinations is out of reach even from many addresses.
 */
@Service
class StatusLookup {

    static final int WINDOW_MINUTES = 15;
    static final int MAX_PER_CLIENT = 10;
    static final int MAX_PER_CASE = 5;

    private final CaseFileService caseFiles;
    private final JdbcClient jdbc;

    StatusLookup(CaseFileService caseFiles, JdbcClient jdbc) {
        this.caseFiles = caseFiles;
        this.jdbc = jdbc;
    }

    /** What a look-up found: the case, nothing, or a refusal because of too many failures. */
    sealed interface Result {
        record Found(CaseFile caseFile) implements Result {
        }

        record NotFound() implements Result {
        }

        record Throttled(Duration retryAfter) implements Result {
        }
    }

    Result find(String client, String caseNumber, String phoneLastFour) {
        // counted under what the column holds, so that an over-long number is counted and checked alike
        String caseKey = caseNumber.length() > 20 ? caseNumber.substring(0, 20) : caseNumber;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant windowStart = now.minus(Duration.ofMinutes(WINDOW_MINUTES));
        if (failures("client", client, windowStart) >= MAX_PER_CLIENT
                || failures("case_number", caseKey, windowStart) >= MAX_PER_CASE) {
            return new Result.Throttled(Duration.ofMinutes(WINDOW_MINUTES));
        }
        Optional<CaseFile> match = caseFiles.find(caseNumber).filter(caseFile -> caseFile.complainantPhone() != null
                && phoneLastFour != null && phoneLastFour.matches("\\d{4}")
                && caseFile.complainantPhone().endsWith(phoneLastFour));
        if (match.isPresent()) {
            return new Result.Found(match.get());
        }
        jdbc.sql("delete from status_lookup_failure where failed_at < ?")
                .param(UtcColumns.toColumn(now.minus(Duration.ofDays(1)))).update();
        jdbc.sql("insert into status_lookup_failure (client, case_number, failed_at) values (?, ?, ?)")
                .params(client, caseKey, UtcColumns.toColumn(now))
                .update();
        return new Result.NotFound();
    }

    private int failures(String column, String value, Instant since) {
        return jdbc.sql("select count(*) from status_lookup_failure where " + column + " = ? and failed_at >= ?")
                .params(value, UtcColumns.toColumn(since)).query(Integer.class).single();
    }
}
