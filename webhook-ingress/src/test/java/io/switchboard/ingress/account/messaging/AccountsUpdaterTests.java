package io.switchboard.ingress.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountsUpdater;
import io.switchboard.events.account.Credential;
import io.switchboard.events.account.CredentialOpener;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.testing.TestAccounts;
import io.switchboard.testsupport.ReplaySkips;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestSecrets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountsUpdaterTests {

    private final EventEnvelopes orchestrator = TestEnvelopes.trusted("/switchboard/call-orchestrator");
    private final AccountDirectory directory = new AccountDirectory();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AccountsUpdater updater = new AccountsUpdater(
            TestEnvelopes.trusted("/switchboard/webhook-ingress"),
            new DirectoryAccountSink(new CredentialOpener(TestSecrets.box()), directory),
            new SkippedRecords(meters),
            new EventRefusals(meters));
    private long offset;

    @BeforeEach
    void loaded() {
        directory.loadedWhen(() -> true);
    }

    @Test
    void whenAnAccountIsConfiguredAgainThenItsNewCredentialsReplaceTheOld() {
        updater.apply(record("acme", configured("acme", "token-1")));
        updater.apply(record("acme", configured("acme", "token-2")));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-2");
    }

    @Test
    void whenATombstoneArrivesThenTheAccountStaysAndTheTombstoneIsRefusedAsUnsigned() {
        updater.apply(record("acme", configured("acme", "token-1")));

        updater.apply(record("acme", null));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-1");
        assertThat(meters.counter(
                                EventRefusals.METRIC,
                                "topic",
                                Topic.ACCOUNTS.topicName(),
                                "reason",
                                Refusal.UNSIGNED_TOMBSTONE)
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void whenAnAccountIsSignedByAnotherServicesTrustedKeyThenNothingChanges() {
        updater.apply(record("acme", configured("acme", "token-1")));
        var payload = new AccountConfigured(
                "acme",
                "acme",
                List.of(),
                List.of(),
                List.of(TestAccounts.twilio(TestSecrets.box(), "acme", "AC1", "stolen")),
                Instant.now());
        CloudEvent fromIngress = TestEnvelopes.signedAs(EventProducers.WEBHOOK_INGRESS)
                .wrap(EventTypes.ACCOUNT_CONFIGURED, "id-stolen", "acme", payload.configuredAt(), payload);

        updater.apply(record("acme", fromIngress));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-1");
        assertThat(ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(1.0);
    }

    @Test
    void whenALowerRevisionIsReadAfterAHigherOneThenItIsRefusedAsStaleAndTheNewerCredentialsStay() {
        CloudEvent first = configured("acme", "token-1", 1L);
        updater.apply(record("acme", first));
        updater.apply(record("acme", configured("acme", "token-2", 2L)));

        updater.apply(record("acme", first));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-2");
        assertThat(meters.counter(
                                EventRefusals.METRIC,
                                "topic",
                                Topic.ACCOUNTS.topicName(),
                                "reason",
                                Refusal.STALE_SNAPSHOT)
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void whenTheSameRevisionIsReadAgainThenItIsAppliedAgainAndNotRefused() {
        CloudEvent first = configured("acme", "token-1", 1L);
        updater.apply(record("acme", first));

        updater.apply(record("acme", first));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-1");
        assertThat(meters.find(EventRefusals.METRIC).counters()).isEmpty();
    }

    @Test
    void whenTheKeyIsNotTheAccountItDescribesThenNothingChanges() {
        updater.apply(record("globex", configured("acme", "token-1")));

        assertThat(directory.credential("acme", "twilio")).isEmpty();
        assertThat(directory.credential("globex", "twilio")).isEmpty();
    }

    @Test
    void whenTheRecordFailsVerificationThenNothingChanges() {
        CloudEvent forged = io.cloudevents.core.builder.CloudEventBuilder.v1(configured("acme", "token-1"))
                .withId("forged")
                .build();

        updater.apply(record("acme", forged));

        assertThat(directory.credential("acme", "twilio")).isEmpty();
        assertThat(ReplaySkips.count(meters, Topic.ACCOUNTS, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(1.0);
    }

    @Test
    void whenAnAccountIsClosedThenItIsUnknownAndAnOlderConfigurationReadLaterIsRefusedAsStale() {
        // given an account at revision 2, closed at revision 3
        CloudEvent first = configured("acme", "token-1", 1L);
        updater.apply(record("acme", first));
        updater.apply(record("acme", configured("acme", "token-2", 2L)));

        updater.apply(record("acme", closed("acme", 3)));

        // then its webhooks find no account
        assertThat(directory.credential("acme", "twilio")).isEmpty();

        // when its old configurations are produced again
        updater.apply(record("acme", first));
        updater.apply(record("acme", configured("acme", "token-3", 3L)));

        // then neither brings it back, each refused as stale
        assertThat(directory.credential("acme", "twilio")).isEmpty();
        assertThat(staleSnapshots()).isEqualTo(2.0);
    }

    @Test
    void whenAClosedAccountIsConfiguredAgainWithAHigherRevisionThenItIsBack() {
        updater.apply(record("acme", configured("acme", "token-1", 1L)));
        updater.apply(record("acme", closed("acme", 2)));

        updater.apply(record("acme", configured("acme", "token-new", 3L)));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-new");
    }

    @Test
    void whenAClosingIsOlderThanTheConfigurationAppliedThenItIsRefusedAndTheAccountStays() {
        CloudEvent closing = closed("acme", 2);
        updater.apply(record("acme", configured("acme", "token-1", 1L)));
        updater.apply(record("acme", closing));
        updater.apply(record("acme", configured("acme", "token-2", 3L)));

        updater.apply(record("acme", closing));

        assertThat(directory.credential("acme", "twilio"))
                .get()
                .extracting(Credential::secret)
                .isEqualTo("token-2");
        assertThat(staleSnapshots()).isEqualTo(1.0);
    }

    @Test
    void whenTheSameClosingIsReadAgainThenNothingIsRefused() {
        CloudEvent closing = closed("acme", 2);
        updater.apply(record("acme", configured("acme", "token-1", 1L)));
        updater.apply(record("acme", closing));

        updater.apply(record("acme", closing));

        assertThat(directory.credential("acme", "twilio")).isEmpty();
        assertThat(meters.find(EventRefusals.METRIC).counters()).isEmpty();
    }

    @Test
    void whenAClosingIsKeyedByAnotherAccountThenNothingChanges() {
        updater.apply(record("acme", configured("acme", "token-1", 1L)));

        updater.apply(record("acme", closed("globex", 2)));

        assertThat(directory.credential("acme", "twilio")).isPresent();
    }

    private double staleSnapshots() {
        return meters.counter(
                        EventRefusals.METRIC, "topic", Topic.ACCOUNTS.topicName(), "reason", Refusal.STALE_SNAPSHOT)
                .count();
    }

    private CloudEvent closed(String accountId, long revision) {
        var payload = new AccountClosed(accountId, Instant.now(), revision);
        return orchestrator.wrap(
                EventTypes.ACCOUNT_CLOSED,
                "closed-" + accountId + "-" + revision,
                accountId,
                payload.closedAt(),
                payload);
    }

    private CloudEvent configured(String accountId, String token) {
        return configured(accountId, token, null);
    }

    private CloudEvent configured(String accountId, String token, Long revision) {
        var payload = new AccountConfigured(
                accountId,
                accountId,
                List.of(),
                List.of(),
                List.of(TestAccounts.twilio(TestSecrets.box(), accountId, "AC1", token)),
                Instant.now(),
                revision);
        return orchestrator.wrap(
                EventTypes.ACCOUNT_CONFIGURED, "id-" + token, accountId, payload.configuredAt(), payload);
    }

    private ConsumerRecord<String, CloudEvent> record(String key, CloudEvent value) {
        return new ConsumerRecord<>(Topic.ACCOUNTS.topicName(), 0, offset++, key, value);
    }
}
