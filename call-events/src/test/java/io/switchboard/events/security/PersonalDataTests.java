package io.switchboard.events.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"+14155550199, +*********99", "+442071838750, +**********50", "client:alice, client:alice", "7, 7"})
    void whenMaskedThenOnlyTheLastTwoDigitsShow(String number, String masked) {
        assertThat(PersonalData.maskPhoneNumber(number)).isEqualTo(masked);
    }

    @Test
    void whenNoNumberThenNothingToMask() {
        assertThat(PersonalData.maskPhoneNumber(null)).isNull();
    }
}
