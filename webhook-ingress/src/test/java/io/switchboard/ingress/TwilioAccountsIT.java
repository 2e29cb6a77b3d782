package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.ingress.testing.WebhookProbe;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TwilioSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Several accounts, each recognised by the webhook path and verified with its own credential from accounts.v1. */
class TwilioAccountsIT extends WebhookIngressITSupport {

    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final WebhookProbe providerEvents = new WebhookProbe();

    private final String callSid = TwilioForms.newCallSid();

    @Test
    void whenEachAccountSignsWithItsOwnTokenThenBothAreAcceptedUnderTheirOwnAccount() {
        String otherCallSid = TwilioForms.newCallSid();
        var otherForm = TwilioForms.status(otherCallSid);
        otherForm.put("AccountSid", OTHER_ACCOUNT_SID);
        String otherPath = status(OTHER_ACCOUNT);

        postSigned(status(ACCOUNT), TwilioForms.status(callSid)).expectStatus().isOk();
        post(
                        otherPath,
                        otherForm,
                        TwilioSignatures.sign(OTHER_AUTH_TOKEN, PUBLIC_BASE_URL + otherPath, otherForm),
                        null)
                .expectStatus()
                .isOk();

        assertThat(providerEvents
                        .exactlyOneEventFor(callSid)
                        .as(EventTypes.CALL_STATUS_REPORTED)
                        .payload()
                        .accountId())
                .isEqualTo(ACCOUNT);
        var other = providerEvents
                .exactlyOneEventFor(otherCallSid)
                .as(EventTypes.CALL_STATUS_REPORTED)
                .payload();
        assertThat(other.accountId()).isEqualTo(OTHER_ACCOUNT);
        assertThat(other.providerAccountId()).isEqualTo(OTHER_ACCOUNT_SID);
    }

    @Test
    void whenTheSameCallbackComesForTwoAccountsThenEachIsPublishedUnderItsAccountWithAnIdOfItsOwn() {
        // given one status callback (same CallSid, status, sequence and idempotency token) for each account
        var form = TwilioForms.status(callSid);
        var otherForm = TwilioForms.status(callSid);
        otherForm.put("AccountSid", OTHER_ACCOUNT_SID);
        String otherPath = status(OTHER_ACCOUNT);
        String token = "token-" + callSid;

        // when each account's provider sends it, signed with that account's own token
        post(status(ACCOUNT), form, sign(status(ACCOUNT), form), token)
                .expectStatus()
                .isOk();
        post(
                        otherPath,
                        otherForm,
                        TwilioSignatures.sign(OTHER_AUTH_TOKEN, PUBLIC_BASE_URL + otherPath, otherForm),
                        token)
                .expectStatus()
                .isOk();

        // then neither is taken for a repeat of the other: two events, one per account, each with its own id
        await().atMost(Duration.ofSeconds(10))
                .until(() -> providerEvents.eventsFor(callSid).size() == 2);
        var events = providerEvents.eventsFor(callSid);
        assertThat(events)
                .extracting(event ->
                        event.as(EventTypes.CALL_STATUS_REPORTED).payload().accountId())
                .containsExactlyInAnyOrder(ACCOUNT, OTHER_ACCOUNT);
        assertThat(events)
                .extracting(event -> event.id())
                .containsExactlyInAnyOrder(
                        EventIds.of("twilio", ACCOUNT, token), EventIds.of("twilio", OTHER_ACCOUNT, token));
    }

    @Test
    void whenSignedWithAnotherAccountsTokenThenForbidden() {
        var form = TwilioForms.status(callSid);
        String path = status(ACCOUNT);

        post(path, form, TwilioSignatures.sign(OTHER_AUTH_TOKEN, PUBLIC_BASE_URL + path, form), null)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("signature-mismatch");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenValidlySignedButForAnotherAccountSidThenForbiddenAsAccountMismatch() {
        var form = TwilioForms.status(callSid);
        form.put("AccountSid", OTHER_ACCOUNT_SID);
        double before = signatureFailures("account-mismatch");

        postSigned(status(ACCOUNT), form)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("account-mismatch");

        providerEvents.assertNothingPublishedFor(callSid);
        assertThat(signatureFailures("account-mismatch")).isEqualTo(before + 1);
    }

    @Test
    void whenAccountIsUnknownThenNotFound() {
        String path = status("nobody-" + callSid);

        post(path, TwilioForms.status(callSid), sign(path, TwilioForms.status(callSid)), null)
                .expectStatus()
                .isNotFound();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAccountHasNoTwilioCredentialThenNotFound() {
        String path = status(VAPI_ONLY_ACCOUNT);

        post(path, TwilioForms.status(callSid), sign(path, TwilioForms.status(callSid)), null)
                .expectStatus()
                .isNotFound();

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenTheAccountsCredentialCannotBeOpenedThenServiceUnavailableSoTwilioRetries() {
        String path = status(UNOPENABLE_ACCOUNT);

        post(path, TwilioForms.status(callSid), sign(path, TwilioForms.status(callSid)), null)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "1");

        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAnUnsignedTombstoneFollowsAConfiguredAccountThenTheAccountStillVerifiesWebhooks() {
        // given an account of its own, known to the ingress
        String account = "tombstoned-" + callSid;
        String accountSid = TwilioForms.newAccountSid();
        String token = "auth-" + callSid;
        String kafka = SharedKafkaBroker.bootstrapServers();
        TestAccounts.configure(kafka, account, TestAccounts.twilio(TestSecrets.box(), account, accountSid, token));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> accounts.credential(account, "twilio").isPresent());
        double refused = tombstonesRefused();

        // when anyone who can write accounts.v1 writes a record with its key and no value
        TestAccounts.publishTombstone(kafka, account);
        await().atMost(Duration.ofSeconds(10)).until(() -> tombstonesRefused() > refused);

        // then the account's webhooks still verify and publish under it
        var form = TwilioForms.status(callSid);
        form.put("AccountSid", accountSid);
        String path = status(account);
        post(path, form, TwilioSignatures.sign(token, PUBLIC_BASE_URL + path, form), null)
                .expectStatus()
                .isOk();
        assertThat(providerEvents
                        .exactlyOneEventFor(callSid)
                        .as(EventTypes.CALL_STATUS_REPORTED)
                        .payload()
                        .accountId())
                .isEqualTo(account);
    }

    @Test
    void whenAnOlderSignedConfigurationIsProducedAgainThenTheNewerCredentialsStay() {
        // given an account whose token was changed: revision 1 with the old token, then revision 2
        String account = "revoked-" + callSid;
        String accountSid = TwilioForms.newAccountSid();
        String revoked = "revoked-" + callSid;
        String current = "current-" + callSid;
        String kafka = SharedKafkaBroker.bootstrapServers();
        var box = TestSecrets.box();
        CloudEvent first =
                TestAccounts.configuration(account, 1, TestAccounts.twilio(box, account, accountSid, revoked));
        TestAccounts.send(kafka, account, first);
        TestAccounts.send(
                kafka,
                account,
                TestAccounts.configuration(account, 2, TestAccounts.twilio(box, account, accountSid, current)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> accounts.credential(account, "twilio")
                        .map(credential -> credential.secret().equals(current))
                        .orElse(false));
        double stale = refused(Refusal.STALE_SNAPSHOT);

        // when the first, correctly signed record is produced to the topic again
        TestAccounts.send(kafka, account, first);
        await().atMost(Duration.ofSeconds(10)).until(() -> refused(Refusal.STALE_SNAPSHOT) > stale);

        // then the revoked token does not verify the account's webhooks, and the current one does
        var form = TwilioForms.status(callSid);
        form.put("AccountSid", accountSid);
        String path = status(account);
        post(path, form, TwilioSignatures.sign(revoked, PUBLIC_BASE_URL + path, form), null)
                .expectStatus()
                .isForbidden();
        providerEvents.assertNothingPublishedFor(callSid);
        post(path, form, TwilioSignatures.sign(current, PUBLIC_BASE_URL + path, form), null)
                .expectStatus()
                .isOk();
    }

    @Test
    void
            whenTheOrchestratorClosesAnAccountThenItsWebhooksAreAnsweredAsAnUnknownAccountsAndAnOlderConfigurationDoesNotBringItBack() {
        // given an account at revision 1 whose webhooks verify
        String account = "closed-" + callSid;
        String accountSid = TwilioForms.newAccountSid();
        String token = "token-" + callSid;
        String kafka = SharedKafkaBroker.bootstrapServers();
        CloudEvent configured = TestAccounts.configuration(
                account, 1, TestAccounts.twilio(TestSecrets.box(), account, accountSid, token));
        TestAccounts.send(kafka, account, configured);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> accounts.credential(account, "twilio").isPresent());
        var form = TwilioForms.status(callSid);
        form.put("AccountSid", accountSid);
        String path = status(account);

        // when the orchestrator closes it at revision 2
        TestAccounts.send(kafka, account, TestAccounts.closing(account, 2));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> accounts.credential(account, "twilio").isEmpty());

        // then its webhooks, correctly signed with its old token, get the unknown account's 404 and publish nothing
        post(path, form, TwilioSignatures.sign(token, PUBLIC_BASE_URL + path, form), null)
                .expectStatus()
                .isNotFound();
        providerEvents.assertNothingPublishedFor(callSid);

        // and when its configuration is produced again, it is refused as stale and the account stays unknown
        double stale = refused(Refusal.STALE_SNAPSHOT);
        TestAccounts.send(kafka, account, configured);
        await().atMost(Duration.ofSeconds(10)).until(() -> refused(Refusal.STALE_SNAPSHOT) > stale);
        assertThat(accounts.credential(account, "twilio")).isEmpty();
        post(path, form, TwilioSignatures.sign(token, PUBLIC_BASE_URL + path, form), null)
                .expectStatus()
                .isNotFound();
        providerEvents.assertNothingPublishedFor(callSid);
    }

    @Test
    void whenAccountsAreLoadedThenReadinessIsUp() {
        management()
                .readiness()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private static String status(String accountId) {
        return "/webhooks/twilio/" + accountId + "/status";
    }

    private double tombstonesRefused() {
        return refused(Refusal.UNSIGNED_TOMBSTONE);
    }

    private double refused(String reason) {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.ACCOUNTS.topicName(), "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double signatureFailures(String reason) {
        var counter = meters.find("switchboard.webhook.signature.failures")
                .tags("provider", "twilio", "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
