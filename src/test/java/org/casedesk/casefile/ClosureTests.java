package org.casedesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How the decisions recorded along the lifecycle determine the way a case closes. */
class ClosureTests {

    @ParameterizedTest(name = "registration {0}, acceptance {1}, revisit {2} closes as {3}")
    @CsvSource(nullValues = "-", value = {
            "ANSWERED,     -,               -,              ANSWERED",
            "NOT_ACCEPTED, -,               -,              NOT_ACCEPTED",
            "MERGED,       -,               -,              MERGED",
            "FORWARD,      REJECT,          -,              REJECTED_BY_UNIT",
            "SPLIT,        REJECT,          -,              REJECTED_BY_UNIT",
            "FORWARD,      ACCEPT,          VERY_SATISFIED, RESOLVED",
            "FORWARD,      ACCEPT,          SATISFIED,      RESOLVED",
            "FORWARD,      ACCEPT,          NEUTRAL,        RESOLVED",
            "FORWARD,      ACCEPT,          DISSATISFIED,   DISSATISFIED",
            "FORWARD,      ACCEPT,          UNREACHABLE,    UNREACHABLE"})
    void decisionsOnTheWayDetermineTheClosure(String registration, String acceptance, String revisit,
            Closure expected) {
        assertThat(Closure.of(registration, acceptance, revisit)).isEqualTo(expected);
    }

    @Test
    void anAcceptedCaseCannotCloseBeforeItsRevisit() {
        assertThatIllegalStateException().isThrownBy(() -> Closure.of("FORWARD", "ACCEPT", null));
    }
}
