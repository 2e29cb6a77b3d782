package io.switchboard.ingress.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import io.switchboard.events.account.AccountCredentials;
import io.switchboard.events.account.Credential;
import org.junit.jupiter.api.Test;

class AccountDirectoryTests {

    private final AccountDirectory directory = new AccountDirectory();

    @Test
    void whenNotLoadedYetThenLookupsAreUnavailableNotUnknown() {
        directory.put(acme("token-1"));

        assertThatThrownBy(() -> directory.credential("acme", "twilio"))
                .isInstanceOf(AccountUnavailableException.class);
    }

    @Test
    void whenLoadedThenTheNewestConfigurationAnswers() {
        directory.put(acme("token-1"));
        directory.loadedWhen(() -> true);

        directory.put(acme("token-2"));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-2");
        assertThat(directory.credential("acme", "vapi")).isEmpty();
        assertThat(directory.credential("nobody", "twilio")).isEmpty();
    }

    @Test
    void whenACredentialCouldNotBeOpenedThenThatProviderIsUnavailableAndCounted() {
        directory.put(new AccountCredentials("acme", Map.of(), Set.of("twilio")));
        directory.loadedWhen(() -> true);

        assertThatThrownBy(() -> directory.credential("acme", "twilio"))
                .isInstanceOf(AccountUnavailableException.class)
                .hasMessageContaining("cannot be opened");
        assertThat(directory.unusableCredentialCount()).isEqualTo(1);
    }

    @Test
    void whenPrintedThenTheSecretIsMasked() {
        assertThat(new Credential("twilio", "AC1", "token-1", null).toString()).doesNotContain("token-1");
    }

    private static AccountCredentials acme(String token) {
        return new AccountCredentials("acme", Map.of("twilio", new Credential("twilio", "AC1", token, null)), Set.of());
    }
}
