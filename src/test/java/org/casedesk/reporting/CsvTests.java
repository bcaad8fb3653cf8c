package org.casedesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class CsvTests {

    @Test
    void formatDecidesBeforeAccept() {
        assertThat(Csv.wanted("csv", "application/json")).isTrue();
        assertThat(Csv.wanted("json", "text/csv")).isFalse();
        assertThat(Csv.wanted(null, "application/json, text/csv;q=0.5")).isTrue();
        assertThat(Csv.wanted(null, null)).isFalse();
    }

    @Test
    void aMalformedAcceptIsTheCallersMistake() {
        assertThatThrownBy(() -> Csv.wanted(null, "text/"))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessageContaining("Accept");
    }
}
