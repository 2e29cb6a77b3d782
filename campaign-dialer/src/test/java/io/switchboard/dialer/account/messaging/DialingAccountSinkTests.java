package io.switchboard.dialer.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.switchboard.dialer.account.domain.DialingAccount;
import io.switchboard.dialer.account.domain.DialingAccounts;
import io.switchboard.dialer.support.DialerViews;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountConfigured.Assistant;
import io.switchboard.events.account.AccountConfigured.PhoneNumber;
import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.events.account.Credential;
import io.switchboard.events.account.CredentialOpener;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.testsupport.TestSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DialingAccountSinkTests {

    private final DialingAccounts accounts = new DialingAccounts();
    private final DialingAccountSink sink = new DialingAccountSink(new CredentialOpener(TestSecrets.box()), accounts);

    @BeforeEach
    void current() {
        accounts.readFrom(DialerViews.CURRENT);
    }

    @Test
    void whenAnAccountIsConfiguredThenItsNumbersAreNormalizedAndItsAssistantsAndOpenedCredentialAreKept() {
        sink.configured(configured(
                "acme",
                List.of(
                        new PhoneNumber("+1 (415) 555-0123", "sales"),
                        new PhoneNumber("+14155552671", "support"),
                        new PhoneNumber("not a number", "sales")),
                List.of(assistant("sales"), assistant("support")),
                twilio(TestSecrets.box(), "acme", "AC123", "auth-token")));

        assertThat(accounts.find("acme")).get().satisfies(account -> {
            assertThat(account.numbers()).containsExactlyInAnyOrder("+14155550123", "+14155552671");
            assertThat(account.ownsNumber("+1 415 555 0123")).isTrue();
            assertThat(account.ownsNumber("+14155550199")).isFalse();
            assertThat(account.assistantIds()).containsExactlyInAnyOrder("sales", "support");
            assertThat(account.credential("twilio")).contains(new Credential("twilio", "AC123", "auth-token", null));
            assertThat(account.unusable()).isEmpty();
        });
    }

    @Test
    void whenTheCredentialIsSealedWithAKeyThisInstanceDoesNotHoldThenItIsListedAsUnusable() {
        sink.configured(configured(
                "acme",
                List.of(new PhoneNumber("+14155550123", "sales")),
                List.of(assistant("sales")),
                twilio(TestSecrets.foreignBox(), "acme", "AC123", "auth-token")));

        assertThat(accounts.find("acme")).get().satisfies(account -> {
            assertThat(account.credential("twilio")).isEmpty();
            assertThat(account.unusable()).containsExactly("twilio");
            assertThat(account.numbers()).containsExactly("+14155550123");
        });
    }

    @Test
    void whenTheCredentialIsSealedForAnotherAccountThenItIsListedAsUnusable() {
        sink.configured(
                configured("acme", List.of(), List.of(), twilio(TestSecrets.box(), "globex", "AC123", "auth-token")));

        assertThat(accounts.find("acme"))
                .get()
                .extracting(DialingAccount::unusable)
                .isEqualTo(Set.of("twilio"));
    }

    @Test
    void whenAnAccountIsConfiguredAgainThenTheNewConfigurationReplacesTheOld() {
        sink.configured(configured(
                "acme",
                List.of(new PhoneNumber("+14155550123", "sales")),
                List.of(assistant("sales")),
                twilio(TestSecrets.box(), "acme", "AC123", "token-1")));

        sink.configured(configured(
                "acme",
                List.of(new PhoneNumber("+14155552671", "support")),
                List.of(assistant("support")),
                twilio(TestSecrets.box(), "acme", "AC123", "token-2")));

        assertThat(accounts.find("acme")).get().satisfies(account -> {
            assertThat(account.numbers()).containsExactly("+14155552671");
            assertThat(account.assistantIds()).containsExactly("support");
            assertThat(account.credential("twilio"))
                    .get()
                    .extracting(Credential::secret)
                    .isEqualTo("token-2");
        });
    }

    @Test
    void whenAnAccountIsClosedThenItIsRemoved() {
        sink.configured(configured(
                "acme",
                List.of(new PhoneNumber("+14155550123", "sales")),
                List.of(assistant("sales")),
                twilio(TestSecrets.box(), "acme", "AC123", "auth-token")));
        sink.configured(configured("globex", List.of(), List.of()));

        sink.closed("acme");

        assertThat(accounts.find("acme")).isEmpty();
        assertThat(accounts.find("globex")).isPresent();
        assertThat(accounts.count()).isEqualTo(1);
    }

    private static AccountConfigured configured(
            String accountId,
            List<PhoneNumber> numbers,
            List<Assistant> assistants,
            ProviderCredential... credentials) {
        return new AccountConfigured(
                accountId, accountId, numbers, assistants, Arrays.asList(credentials), Instant.now(), 1L);
    }

    private static Assistant assistant(String assistantId) {
        return new Assistant(assistantId, assistantId, "wss://assistants.example.com/" + assistantId);
    }

    private static ProviderCredential twilio(SecretBox box, String sealedFor, String accountSid, String authToken) {
        return new ProviderCredential("twilio", accountSid, box.seal(authToken, sealedFor), null);
    }
}
