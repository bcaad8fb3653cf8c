package org.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTests {

    @Test
    void aMobileKeepsItsCarrierPrefixAndItsLastFourDigits() {
        assertThat(PhoneMask.mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void aLandlineKeepsItsLastFourDigitsAndItsSeparators() {
        assertThat(PhoneMask.mask("021-62345678")).isEqualTo("***-****5678");
        assertThat(PhoneMask.mask("62345678")).isEqualTo("****5678");
    }

    @Test
    void aMobileWrittenWithSpacesIsMaskedLikeAnyOtherNumber() {
        assertThat(PhoneMask.mask("138 1234 5678")).isEqualTo("*** **** 5678");
    }

    @Test
    void fullWidthDigitsAreMaskedToo() {
        assertThat(PhoneMask.mask("０２１－６２３４５６７８")).isEqualTo("***－****５６７８");
    }

    @Test
    void noPhoneStaysNone() {
        assertThat(PhoneMask.mask(null)).isNull();
    }
}
