package io.switchboard.events.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditRedactionTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            +14155550100    | +14155****00
            +442071838750   | +442071****50
            +861012345678   | +861012****78
            +1234567        | +1****67
            +123456         | +****56
            +1 415 555 0100 | +1 415 5** **00
            null            | null
            """)
    void whenAPhoneNumberIsRedactedThenFourDigitsBeforeTheLastTwoAreHiddenAndNeverLessThanTheMiddle(
            String number, String redacted) {
        assertThat(AuditRedaction.phoneNumber(number)).isEqualTo(redacted);
    }

    @ParameterizedTest
    @CsvSource({"+14155550100", "+442071838750", "+1234567", "+123456"})
    void whenAPhoneNumberIsRedactedThenAtLeastFourOfItsDigitsAreHidden(String number) {
        String redacted = AuditRedaction.phoneNumber(number);

        assertThat(redacted).hasSameSizeAs(number).doesNotContain(number.substring(1));
        assertThat(redacted.chars().filter(c -> c == '*').count()).isGreaterThanOrEqualTo(4);
    }
}
