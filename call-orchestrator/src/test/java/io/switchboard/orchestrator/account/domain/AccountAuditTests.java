package io.switchboard.orchestrator.account.domain;

import static io.switchboard.orchestrator.account.domain.Accounts.SALES_NUMBER;
import static io.switchboard.orchestrator.account.domain.Accounts.STREAM_URL;
import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_SID;
import static io.switchboard.orchestrator.account.domain.Accounts.TWILIO_TOKEN;
import static io.switchboard.orchestrator.account.domain.Accounts.VAPI_SECRET;
import static io.switchboard.orchestrator.account.domain.Accounts.removing;
import static io.switchboard.orchestrator.account.domain.Accounts.setting;
import static io.switchboard.orchestrator.account.domain.Accounts.twilio;
import static io.switchboard.orchestrator.account.domain.Accounts.vapi;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.switchboard.events.audit.AuditOutcome;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.security.Caller;
import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.TestSecrets;
import org.junit.jupiter.api.Test;

/** What an account change's audit entry says: the parts and how they changed, never a secret or a whole number. */
class AccountAuditTests {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Caller ADMIN = new Caller("admin@acme", "acme", Set.of(Scope.ACCOUNTS_ADMIN));
    private static final Caller OPERATOR = new Caller("ops@platform", null, Set.of(Scope.OPERATOR));
    private static final String OTHER_TOKEN = "0123456789abcdef0123456789abcdef";

    private final SecretBox box = TestSecrets.box();
    private final CredentialSealer sealer = new CredentialSealer(box);

    @Test
    void whenAnAccountIsCreatedThenEveryPartItHasIsSetAndTheOperatorIsNamed() {
        // given
        Account created = account(
                List.of(new AccountNumber(SALES_NUMBER, "sales")),
                List.of(new Assistant("sales", "Sales bot", STREAM_URL)),
                setting(twilio(TWILIO_SID, TWILIO_TOKEN)),
                List.of());

        // when
        AuditRecorded entry =
                AccountAudit.of(OPERATOR, Optional.empty(), created, setting(twilio(TWILIO_SID, TWILIO_TOKEN)));

        // then
        assertThat(entry.action()).isEqualTo("account.created");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.subject()).isEqualTo("ops@platform");
        assertThat(entry.actorAccountId()).isNull();
        assertThat(entry.accountId()).isEqualTo("acme");
        assertThat(entry.resource()).isEqualTo("/api/accounts/acme");
        assertThat(entry.parts()).containsExactly("name", "numbers", "assistants", "credentials");
        assertThat(entry.changes())
                .containsExactly(
                        "name: set",
                        "numbers: +14155****00 added, answered by sales",
                        "assistants: sales added",
                        "providers.twilio: set");
        assertThat(entry.occurredAt()).isEqualTo(T0);
        assertNothingSecretIn(entry, created);
    }

    @Test
    void whenNumbersAndAssistantsChangeThenEachChangeIsALineWithTheNumberRedacted() {
        // given
        Account before = account(
                List.of(new AccountNumber("+14155550100", "sales"), new AccountNumber("+442071838750", "sales")),
                List.of(new Assistant("sales", "Sales bot", STREAM_URL), new Assistant("old", "Old", STREAM_URL)),
                CredentialChanges.keepAll(),
                List.of());
        Account after = account(
                List.of(new AccountNumber("+14155550100", "support"), new AccountNumber("+14155550177", "sales")),
                List.of(
                        new Assistant("sales", "Sales bot", "wss://assistants.example/sales-v2?token=abc"),
                        new Assistant("support", "Support", STREAM_URL)),
                CredentialChanges.keepAll(),
                List.of());

        // when
        AuditRecorded entry = AccountAudit.of(ADMIN, Optional.of(before), after, CredentialChanges.keepAll());

        // then
        assertThat(entry.action()).isEqualTo("account.updated");
        assertThat(entry.parts()).containsExactly("numbers", "assistants");
        assertThat(entry.changes())
                .containsExactly(
                        "numbers: +14155****00 now answered by support",
                        "numbers: +14155****77 added, answered by sales",
                        "numbers: +442071****50 removed",
                        "assistants: old removed",
                        "assistants: sales streamUrl changed",
                        "assistants: support added");
        assertNothingSecretIn(entry, after);
        assertThat(String.join("\n", entry.changes())).doesNotContain("token=abc", "wss://");
    }

    @Test
    void whenSecretsAreReplacedOrRemovedThenOnlyThatIsSaidNeverTheirValues() {
        // given
        Account before = account(
                List.of(),
                List.of(),
                setting(twilio(TWILIO_SID, TWILIO_TOKEN), vapi(VAPI_SECRET, "hmac-sha256")),
                List.of());
        CredentialChanges requested = setting(twilio(TWILIO_SID, OTHER_TOKEN));
        Account replaced = account(List.of(), List.of(), requested, before.credentials());
        CredentialChanges removal = removing("vapi");
        Account removed = account(List.of(), List.of(), removal, replaced.credentials());

        // when
        AuditRecorded replacing = AccountAudit.of(ADMIN, Optional.of(before), replaced, requested);
        AuditRecorded removing = AccountAudit.of(ADMIN, Optional.of(replaced), removed, removal);

        // then
        assertThat(replacing.parts()).containsExactly("credentials");
        assertThat(replacing.changes()).containsExactly("providers.twilio.authToken: replaced");
        assertThat(removing.changes()).containsExactly("providers.vapi: removed");
        assertNothingSecretIn(replacing, replaced);
        assertNothingSecretIn(removing, before);
    }

    @Test
    void whenTheSameSecretIsPutAgainThenNothingChangedIsSaid() {
        // given
        CredentialChanges same = setting(twilio(TWILIO_SID, TWILIO_TOKEN));
        Account before = account(List.of(), List.of(), same, List.of());
        Account again = account(List.of(), List.of(), same, before.credentials());

        // when
        AuditRecorded entry = AccountAudit.of(ADMIN, Optional.of(before), again, same);

        // then
        assertThat(entry.parts()).isEmpty();
        assertThat(entry.changes()).isEmpty();
        assertThat(entry.action()).isEqualTo("account.updated");
    }

    @Test
    void whenAThousandNumbersAreAddedThenTheLinesStopAtTheLimitAndSayHowManyMore() {
        // given
        List<AccountNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            numbers.add(new AccountNumber("+1415555%04d".formatted(i), "sales"));
        }
        Account before = account(
                List.of(),
                List.of(new Assistant("sales", "Sales bot", STREAM_URL)),
                CredentialChanges.keepAll(),
                List.of());
        Account after = account(numbers, before.assistants(), CredentialChanges.keepAll(), List.of());

        // when
        AuditRecorded entry = AccountAudit.of(ADMIN, Optional.of(before), after, CredentialChanges.keepAll());

        // then
        assertThat(entry.parts()).containsExactly("numbers");
        assertThat(entry.changes()).hasSize(AuditRecorded.MAX_CHANGES);
        assertThat(entry.changes().getLast()).isEqualTo("… and 901 more changes");
    }

    private Account account(
            List<AccountNumber> numbers,
            List<Assistant> assistants,
            CredentialChanges changes,
            List<SealedCredential> current) {
        return new Account("acme", "Acme", numbers, assistants, sealer.apply("acme", current, changes), T0);
    }

    /** No plaintext or sealed secret, and no whole phone number of the account, anywhere in the entry. */
    private static void assertNothingSecretIn(AuditRecorded entry, Account account) {
        String json = new String(EventJson.write(entry), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(TWILIO_TOKEN, OTHER_TOKEN, VAPI_SECRET, "v1:" + TestSecrets.KEY_ID);
        for (SealedCredential credential : account.credentials()) {
            assertThat(json).doesNotContain(credential.sealedSecret());
        }
        for (AccountNumber number : account.numbers()) {
            assertThat(json).doesNotContain(number.number());
        }
    }
}
