package io.switchboard.ingress.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.account.domain.AccountDirectory;
import io.switchboard.ingress.account.domain.Credential;
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
            new CredentialOpener(TestSecrets.box()),
            directory,
            new SkippedRecords(meters));
    private long offset;

    @BeforeEach
    void loaded() {
        directory.markLoaded();
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
    void whenATombstoneArrivesThenTheAccountIsRemoved() {
        updater.apply(record("acme", configured("acme", "token-1")));

        updater.apply(record("acme", null));

        assertThat(directory.credential("acme", "twilio")).isEmpty();
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

    private CloudEvent configured(String accountId, String token) {
        var payload = new AccountConfigured(
                accountId,
                accountId,
                List.of(),
                List.of(),
                List.of(TestAccounts.twilio(TestSecrets.box(), accountId, "AC1", token)),
                Instant.now());
        return orchestrator.wrap(
                EventTypes.ACCOUNT_CONFIGURED, "id-" + token, accountId, payload.configuredAt(), payload);
    }

    private ConsumerRecord<String, CloudEvent> record(String key, CloudEvent value) {
        return new ConsumerRecord<>(Topic.ACCOUNTS.topicName(), 0, offset++, key, value);
    }
}
