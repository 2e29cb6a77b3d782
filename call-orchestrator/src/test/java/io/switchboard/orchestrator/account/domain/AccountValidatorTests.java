package io.switchboard.orchestrator.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountValidatorTests {

    private static final Assistant SALES = new Assistant("sales", "Sales bot", "wss://assistants.example/sales");

    @Test
    void whenAccountIsCompleteThenItIsValid() {
        Account acme = Accounts.acme(null);
        assertThatCode(() -> AccountValidator.validate("acme", "Acme", acme.numbers(), acme.assistants()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "a b", "acme/evil", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void whenAccountIdIsMalformedThenAccountIdIsNamed(String accountId) {
        assertField(accountId, "Acme", List.of(), List.of(), "accountId");
    }

    @Test
    void whenNameIsMissingThenNameIsNamed() {
        assertField("acme", " ", List.of(), List.of(), "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"14155550100", "+0415555", "+1415", "+1415555010012345", "+1 415 555 0100"})
    void whenNumberIsNotE164ThenItsFieldIsNamed(String number) {
        assertField("acme", "Acme", List.of(new AccountNumber(number, "sales")), List.of(SALES), "numbers[0].number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14150000000", "+1415123456", "+999123456789"})
    void whenNumberIsShapedRightButNoNetworkAssignsItThenItsFieldIsNamed(String number) {
        assertField("acme", "Acme", List.of(new AccountNumber(number, "sales")), List.of(SALES), "numbers[0].number");
    }

    @Test
    void whenNumberIsWrittenWithATrunkZeroThenTheErrorSaysHowToWriteIt() {
        assertThatThrownBy(() -> AccountValidator.validate(
                        "acme", "Acme", List.of(new AccountNumber("+4402071838750", "sales")), List.of(SALES)))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("numbers[0].number");
                    assertThat(e.getMessage()).contains("must be written +442071838750");
                });
    }

    @Test
    void whenNumberIsRealThenItIsAccepted() {
        assertThatCode(() -> AccountValidator.validate(
                        "acme",
                        "Acme",
                        List.of(
                                new AccountNumber("+442071838750", "sales"),
                                new AccountNumber("+14155550100", "sales")),
                        List.of(SALES)))
                .doesNotThrowAnyException();
    }

    @Test
    void whenNumberIsListedTwiceThenTheSecondIsNamed() {
        var number = new AccountNumber("+14155550100", "sales");
        assertField("acme", "Acme", List.of(number, number), List.of(SALES), "numbers[1].number");
    }

    @Test
    void whenNumberNamesAnUnknownAssistantThenItsAssistantIdIsNamed() {
        assertField(
                "acme",
                "Acme",
                List.of(new AccountNumber("+14155550100", "support")),
                List.of(SALES),
                "numbers[0].assistantId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://assistants.example/sales", "wss://", "not a url", "wss://user:pw@host/x"})
    void whenStreamUrlIsNotAWebSocketUrlThenItIsNamed(String url) {
        assertField(
                "acme",
                "Acme",
                List.of(),
                List.of(new Assistant("sales", "Sales bot", url)),
                "assistants[0].streamUrl");
    }

    @Test
    void whenAssistantIdIsUsedTwiceThenTheSecondIsNamed() {
        assertField("acme", "Acme", List.of(), List.of(SALES, SALES), "assistants[1].assistantId");
    }

    @Test
    void whenListHoldsNullThenTheEntryIsNamed() {
        assertField("acme", "Acme", Arrays.asList((AccountNumber) null), List.of(SALES), "numbers[0]");
    }

    private static void assertField(
            String accountId, String name, List<AccountNumber> numbers, List<Assistant> assistants, String field) {
        assertThatThrownBy(() -> AccountValidator.validate(accountId, name, numbers, assistants))
                .isInstanceOfSatisfying(
                        InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }
}
