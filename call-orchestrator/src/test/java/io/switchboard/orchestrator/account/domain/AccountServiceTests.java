package io.switchboard.orchestrator.account.domain;

import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_SID;
import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_TOKEN;
import static io.switchboard.orchestrator.account.domain.Accounts.VAPI_SECRET;
import static io.switchboard.orchestrator.account.domain.Accounts.removing;
import static io.switchboard.orchestrator.account.domain.Accounts.setting;
import static io.switchboard.orchestrator.account.domain.Accounts.twilio;
import static io.switchboard.orchestrator.account.domain.Accounts.vapi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.testsupport.TestSecrets;
import org.junit.jupiter.api.Test;

class AccountServiceTests {

    private final AccountDirectory directory = new AccountDirectory();
    private final List<Account> published = new ArrayList<>();
    private final SecretBox box = TestSecrets.box();
    private boolean brokerDown;
    private final AccountService service = new AccountService(
            directory,
            account -> {
                if (brokerDown) {
                    throw new PublishFailedException("broker down", null);
                }
                published.add(account);
            },
            new CredentialSealer(box),
            Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void whenAccountIsConfiguredThenItIsPublishedAndThenApplied() {
        // when
        Account account = configure("acme");

        // then
        assertThat(published).containsExactly(account);
        assertThat(directory.find("acme")).contains(account);
    }

    @Test
    void whenNumberBelongsToAnotherAccountThenItIsRefusedAndNothingIsPublished() {
        // given
        configure("acme");

        // when / then
        assertThatThrownBy(() -> configure("globex"))
                .isInstanceOfSatisfying(
                        InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo("numbers[0].number"));
        assertThat(published).hasSize(1);
    }

    @Test
    void whenBrokerRefusesThenTheDirectoryIsUnchanged() {
        // given
        brokerDown = true;

        // when / then
        assertThatThrownBy(() -> configure("acme")).isInstanceOf(PublishFailedException.class);
        assertThat(directory.find("acme")).isEmpty();
    }

    @Test
    void whenCredentialsAreSetThenTheyArePublishedSealedForTheAccount() {
        // when
        Account account =
                configure("acme", setting(twilio(TWILIO_SID, TWILIO_TOKEN), vapi(VAPI_SECRET, "hmac-sha256")));

        // then
        assertThat(account.credentials()).extracting(SealedCredential::provider).containsExactly("twilio", "vapi");
        SealedCredential twilio = account.credentials().getFirst();
        assertThat(twilio.providerAccountId()).isEqualTo(TWILIO_SID);
        assertThat(twilio.sealedSecret())
                .startsWith("v1:" + TestSecrets.KEY_ID + ":")
                .doesNotContain(TWILIO_TOKEN);
        assertThat(box.open(twilio.sealedSecret(), "acme")).isEqualTo(TWILIO_TOKEN);
        assertThat(account.credentials().get(1).verification()).isEqualTo("hmac-sha256");
        assertThat(box.open(account.credentials().get(1).sealedSecret(), "acme"))
                .isEqualTo(VAPI_SECRET);
    }

    @Test
    void whenProvidersAreOmittedThenStoredCredentialsAreKept() {
        // given
        Account first = configure("acme", setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // when numbers are re-seeded without providers
        Account second = configure("acme", CredentialChanges.keepAll());

        // then
        assertThat(second.credentials()).isEqualTo(first.credentials());
    }

    @Test
    void whenOneProviderIsRemovedThenOnlyItGoes() {
        // given
        configure("acme", setting(twilio(TWILIO_SID, TWILIO_TOKEN), vapi(VAPI_SECRET, "secret-header")));

        // when
        Account account = configure("acme", removing("twilio"));

        // then
        assertThat(account.credentials()).extracting(SealedCredential::provider).containsExactly("vapi");
        assertThat(directory.ownerOfProviderAccount("twilio", TWILIO_SID)).isEmpty();
    }

    @Test
    void whenAccountSidBelongsToAnotherAccountThenItIsRefusedAndNothingIsPublished() {
        // given
        configure("acme", setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // when / then
        assertThatThrownBy(() -> service.configure(
                        "globex", "Globex", List.of(), List.of(), setting(twilio(TWILIO_SID, TWILIO_TOKEN))))
                .isInstanceOfSatisfying(
                        InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo("providers.twilio.accountSid"));
        assertThat(published).hasSize(1);
        assertThat(directory.find("globex")).isEmpty();
    }

    @Test
    void whenCredentialsAreInvalidThenNothingIsPublished() {
        assertThatThrownBy(() -> configure("acme", setting(twilio(TWILIO_SID, "not-a-token"))))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("providers.twilio.authToken");
                    assertThat(e.getMessage()).doesNotContain("not-a-token");
                });
        assertThat(published).isEmpty();
    }

    private Account configure(String accountId) {
        return configure(accountId, CredentialChanges.keepAll());
    }

    private Account configure(String accountId, CredentialChanges changes) {
        Account acme = Accounts.acme(null);
        return service.configure(accountId, "Acme", acme.numbers(), acme.assistants(), changes);
    }
}
