package io.switchboard.dialer.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestinationPrefixTests {

    @Test
    void whenANorthAmericanNumberThenItsPrefixIsTheCountryAndThreeDigitAreaCode() {
        assertThat(DestinationPrefix.of("+14155550100")).isEqualTo("+1415");
        assertThat(DestinationPrefix.of("+12125550100")).isEqualTo("+1212");
    }

    @Test
    void whenALondonNumberThenItsPrefixIsTheCountryAndTheTwoDigitAreaCode() {
        assertThat(DestinationPrefix.of("+442071838750")).isEqualTo("+4420");
    }

    @Test
    void whenTwoNumbersShareAnAreaCodeThenTheyShareAPrefix() {
        assertThat(DestinationPrefix.of("+14155550100")).isEqualTo(DestinationPrefix.of("+14155552671"));
        assertThat(DestinationPrefix.of("+14155550100")).isNotEqualTo(DestinationPrefix.of("+16505550100"));
    }

    @Test
    void whenLibphonenumberCannotParseTheNumberThenItIsItsOwnPrefix() {
        assertThat(DestinationPrefix.of("4155550100")).as("no country code").isEqualTo("4155550100");
        assertThat(DestinationPrefix.of("not a number")).isEqualTo("not a number");
    }
}
