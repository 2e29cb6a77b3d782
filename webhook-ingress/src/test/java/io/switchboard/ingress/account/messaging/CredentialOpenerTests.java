package io.switchboard.ingress.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.events.account.Credential;
import io.switchboard.events.account.CredentialOpener;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.testsupport.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CredentialOpenerTests {

    private final CredentialOpener opener = new CredentialOpener(TestSecrets.box());

    @Test
    void whenCredentialsAreSealedForTheAccountThenTheyAreOpenedByProvider() {
        var configured = account(
                "acme",
                TestAccounts.twilio(TestSecrets.box(), "acme", "AC1", "twilio-token"),
                TestAccounts.vapi(TestSecrets.box(), "acme", "vapi-secret"));

        var credentials = opener.open(configured);

        assertThat(credentials.usable().get("twilio")).isEqualTo(new Credential("twilio", "AC1", "twilio-token", null));
        assertThat(credentials.usable().get("vapi"))
                .isEqualTo(new Credential("vapi", null, "vapi-secret", "secret-header"));
        assertThat(credentials.unusable()).isEmpty();
    }

    @Test
    void whenASealedValueCannotBeOpenedThenThatProviderIsUnusableAndLoggedWithoutTheSecret(CapturedOutput output) {
        var foreign = TestAccounts.twilio(TestSecrets.foreignBox(), "acme", "AC1", "foreign-token");
        var copiedFromAnotherAccount = TestAccounts.vapi(TestSecrets.box(), "globex", "globex-secret");
        var configured = account("acme", foreign, copiedFromAnotherAccount);

        var credentials = opener.open(configured);

        assertThat(credentials.usable()).isEmpty();
        assertThat(credentials.unusable()).containsExactlyInAnyOrder("twilio", "vapi");
        assertThat(output)
                .contains("Account acme: the twilio credential cannot be opened")
                .doesNotContain(
                        "foreign-token",
                        "globex-secret",
                        foreign.sealedSecret(),
                        copiedFromAnotherAccount.sealedSecret());
    }

    @Test
    void whenASecretIsMissingOrAProviderRepeatsThenTheFirstUsableOneCountsAndNothingBreaks() {
        var missing = new ProviderCredential("twilio", "AC1", null, null);
        var second = TestAccounts.twilio(TestSecrets.box(), "acme", "AC2", "second-token");
        var vapi = TestAccounts.vapi(TestSecrets.box(), "acme", "vapi-secret");

        var credentials =
                opener.open(account("acme", missing, second, vapi, new ProviderCredential(" ", null, null, null)));

        assertThat(credentials.unusable()).containsExactly("twilio");
        assertThat(credentials.usable()).containsOnlyKeys("vapi");
    }

    private static AccountConfigured account(String accountId, ProviderCredential... credentials) {
        return new AccountConfigured(accountId, accountId, List.of(), List.of(), List.of(credentials), Instant.now());
    }
}
