package org.casedesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registration rule against the shipped registration lists. */
class RegistrationServiceTests {

    private final RegistrationService registration = new RegistrationService(new RegistrationLists());

    @ParameterizedTest(name = "{0} with ground {2} and answer {3} is {4}")
    @CsvSource(nullValues = "-", value = {
            "COMPLAINT,            FOOD,         -,                -,        FORWARD",
            "REPORT,               FOOD,         -,                -,        FORWARD",
            "COMPLAINT_AND_REPORT, PREPAID_CARD, -,                -,        SPLIT",
            "COMPLAINT,            FOOD,         OVER_THREE_YEARS, -,        NOT_ACCEPTED",
            "COMPLAINT_AND_REPORT, FOOD,         ALREADY_HANDLED,  -,        NOT_ACCEPTED",
            "CONSULTATION,         TRAVEL,       -,                已答复,   ANSWERED",
            "SUGGESTION,           OTHER,        -,                已记录,   ANSWERED"})
    void classificationDecidesWhereTheCaseGoes(String caseType, String category, String ground, String answer,
            RegistrationDecision expected) {
        assertThat(registration.decide(caseType, category, ground, answer, null)).isEqualTo(expected);
    }

    @Test
    void repeatCallWithACaseToMergeIntoIsMerged() {
        assertThat(registration.decide("COMPLAINT", "FOOD", null, null, "SH20261126000001"))
                .isEqualTo(RegistrationDecision.MERGED);
    }

    @Test
    void repeatCallToMergeIsStillClassifiedAgainstTheLists() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> registration.decide("COMPLAINT", "CARS", null, null, "SH20261126000001"))
                .withMessageContaining("category");
    }

    @Test
    void caseCannotBeBothMergedAndNotAccepted() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> registration.decide("COMPLAINT", "FOOD", "OVER_THREE_YEARS", null, "SH20261126000001"))
                .withMessageContaining("mergeInto").withMessageContaining("notAcceptedGround");
    }

    @Test
    void complaintAndReportCannotBeMergedSinceItsReportHalfWouldBeLost() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> registration.decide("COMPLAINT_AND_REPORT", "FOOD", null, null, "SH20261126000001"))
                .withMessageContaining("mergeInto").withMessageContaining("COMPLAINT_AND_REPORT");
    }

    @ParameterizedTest
    @CsvSource({"CONSULTATION", "SUGGESTION"})
    void answeredRequestCannotBeMergedSinceItsAnswerWouldBeLost(String caseType) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> registration.decide(caseType, "FOOD", null, "已答复", "SH20261126000001"))
                .withMessageContaining("mergeInto").withMessageContaining(caseType).withMessageContaining("answer");
    }

    @Test
    void reportCanBeMergedLikeAComplaint() {
        assertThat(registration.decide("REPORT", "FOOD", null, null, "SH20261126000001"))
                .isEqualTo(RegistrationDecision.MERGED);
    }

    @Test
    void categoryOffTheListIsRefusedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> registration.decide("COMPLAINT", "CARS", null, null, null))
                .withMessageContaining("category");
    }

    @Test
    void groundOffTheNegativeListIsRefusedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> registration.decide("COMPLAINT", "FOOD", "TOO_LATE", null, null))
                .withMessageContaining("notAcceptedGround");
    }

    @Test
    void consultationNeedsAnAnswer() {
        assertThatIllegalArgumentException().isThrownBy(() -> registration.decide("CONSULTATION", "FOOD", null, null, null))
                .withMessageContaining("answer");
    }

    @Test
    void unknownCaseTypeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> registration.decide("PRAISE", "FOOD", null, null, null))
                .withMessageContaining("caseType");
    }

    @Test
    void listsHoldEveryArticle15GroundAndTheCategories() {
        RegistrationLists lists = new RegistrationLists();

        assertThat(List.of("NO_JURISDICTION", "ALREADY_HANDLED", "NOT_LIVING_CONSUMPTION", "OVER_THREE_YEARS",
                "MISSING_DETAILS", "OTHER_LEGAL_GROUND")).allMatch(lists::isNotAcceptedGround);
        assertThat(List.of("FOOD", "PREPAID_CARD", "ONLINE_SHOPPING", "OTHER")).allMatch(lists::isCategory);
        assertThat(lists.isCategory("食品")).isFalse();
    }
}
