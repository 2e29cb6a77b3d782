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
import java.util.List;
import java.util.Set;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.kafka.PublishFailedException;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.security.Caller;
import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.TestSecrets;
import org.junit.jupiter.api.Test;

class AccountServiceTests {

    private final AccountDirectory directory = new AccountDirectory();
    private final RecordingAccountPublisher publisher = new RecordingAccountPublisher();
    private final List<Account> published = publisher.published;
    private final List<AuditRecorded> audited = publisher.audited;
    private final List<AccountClosed> closed = publisher.closed;
    private final SecretBox box = TestSecrets.box();
    private final Caller admin = new Caller("admin@acme", "acme", Set.of(Scope.ACCOUNTS_ADMIN, Scope.OPERATOR));
    private final AccountService service = new AccountService(
            directory,
            publisher,
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
    void whenAccountIsConfiguredThenItsAuditEntryIsPublishedWithItAsTheCallers() {
        // when created, then changed
        configure("acme");
        configure("acme", setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // then
        assertThat(audited).hasSize(2);
        assertThat(audited.getFirst().action()).isEqualTo("account.created");
        assertThat(audited.get(1)).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("account.updated");
            assertThat(entry.subject()).isEqualTo("admin@acme");
            assertThat(entry.accountId()).isEqualTo("acme");
            assertThat(entry.parts()).containsExactly("credentials");
            assertThat(entry.changes()).containsExactly("providers.twilio: set");
            assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        });
    }

    @Test
    void whenARefusalIsRecordedThenItIsAnAuditEntryOfTheAccountDenied() {
        // when
        service.recordDenied(new Caller("intruder", "globex", Set.of(Scope.ACCOUNTS_ADMIN)), "acme", true);

        // then
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("account.updated");
            assertThat(entry.outcome().wireValue()).isEqualTo("denied");
            assertThat(entry.subject()).isEqualTo("intruder");
            assertThat(entry.actorAccountId()).isEqualTo("globex");
            assertThat(entry.accountId()).isEqualTo("acme");
            assertThat(entry.resource()).isEqualTo("/api/accounts/acme");
        });
        assertThat(published).isEmpty();
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
        publisher.brokerDown = true;

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
                        admin, "globex", "Globex", List.of(), List.of(), setting(twilio(TWILIO_SID, TWILIO_TOKEN))))
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

    @Test
    void whenAnAccountIsClosedThenItsClosingIsPublishedWithTheNextRevisionAndAuditedAndItIsGone() {
        // given
        Account account = configure("acme");

        // when
        boolean closedNow = service.close(admin, "acme");

        // then
        assertThat(closedNow).isTrue();
        assertThat(closed).singleElement().satisfies(closing -> {
            assertThat(closing.accountId()).isEqualTo("acme");
            assertThat(closing.revision()).isEqualTo(account.revision() + 1);
        });
        assertThat(audited.getLast().action()).isEqualTo("account.deleted");
        assertThat(audited.getLast().subject()).isEqualTo("admin@acme");
        assertThat(directory.find("acme")).isEmpty();
        assertThat(directory.route(account.numbers().getFirst().number(), null)).isEmpty();
    }

    @Test
    void whenAClosedAccountIsConfiguredAgainThenItGetsARevisionAboveItsClosing() {
        configure("acme");
        service.close(admin, "acme");

        Account again = configure("acme");

        assertThat(again.revision()).isEqualTo(3);
        assertThat(directory.find("acme")).contains(again);
    }

    @Test
    void whenTheAccountToCloseIsUnknownThenNothingIsPublished() {
        assertThat(service.close(admin, "nobody")).isFalse();

        assertThat(closed).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void whenTheBrokerRefusesAClosingThenTheAccountStays() {
        Account account = configure("acme");
        publisher.brokerDown = true;

        assertThatThrownBy(() -> service.close(admin, "acme")).isInstanceOf(PublishFailedException.class);

        assertThat(directory.find("acme")).contains(account);
    }

    private Account configure(String accountId) {
        return configure(accountId, CredentialChanges.keepAll());
    }

    private Account configure(String accountId, CredentialChanges changes) {
        Account acme = Accounts.acme(null);
        return service.configure(admin, accountId, "Acme", acme.numbers(), acme.assistants(), changes);
    }
}
