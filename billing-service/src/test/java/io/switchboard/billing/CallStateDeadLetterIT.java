package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.completed;
import static io.switchboard.billing.CallSnapshots.ended;
import static io.switchboard.billing.CallSnapshots.newAccountId;
import static io.switchboard.billing.CallSnapshots.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.TestEventKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Records billing can never charge go to call-states.v1-dlt with their reason (a snapshot signed by
 * another service's key among them); the consumer moves on. A tombstone is refused, not dead-lettered.
 */
class CallStateDeadLetterIT extends BillingIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void whenSignatureTamperedThenDeadLetteredAndNextRecordCharged() {
        // given a signed completed call whose data was changed afterwards
        String account = newAccountId();
        String tamperedCall = newCallId();
        var signed = billing.signed(completed(account, tamperedCall, 65));
        var forged = new String(signed.getData().toBytes(), StandardCharsets.UTF_8)
                .replace("\"durationSeconds\":65", "\"durationSeconds\":1");
        var tampered = CloudEventBuilder.v1(signed)
                .withData("application/json", forged.getBytes(StandardCharsets.UTF_8))
                .build();

        // when it is published, followed by a good record
        billing.events().send(Topic.CALL_STATES, tamperedCall, tampered);
        String goodCall = newCallId();
        billing.publish(completed(account, goodCall, 65));

        // then the forged record is in the DLT with its reason, and the good one is charged
        await().atMost(WAIT).until(() -> !billing.deadLetters(tamperedCall).isEmpty());
        assertThat(DeadLetterTopics.header(
                        billing.deadLetters(tamperedCall).getFirst(), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("signature");
        await().atMost(WAIT).until(() -> billing.charges(account).size() == 1);
        assertThat(billing.charges(account)).extracting(CallCharged::callId).containsExactly(goodCall);
    }

    @Test
    void whenCompletedWithoutDurationThenDeadLetteredWithReason() {
        String account = newAccountId();
        var snapshot = ended(account, newCallId(), CallStatus.COMPLETED, null);
        String key = BillingTopics.keyOf(snapshot);

        billing.publish(snapshot);

        await().atMost(WAIT).until(() -> !billing.deadLetters(key).isEmpty());
        assertThat(DeadLetterTopics.header(billing.deadLetters(key).getFirst(), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("duration");
        assertThat(billing.charges(account)).isEmpty();
    }

    @Test
    void whenWrongEventTypeOrNotACloudEventThenDeadLettered() {
        String wrongType = newCallId();
        String garbage = newCallId();

        billing.events()
                .send(
                        Topic.CALL_STATES,
                        wrongType,
                        billing.events()
                                .sign(
                                        EventTypes.WALLET_UPDATED,
                                        "wrong-" + wrongType,
                                        wrongType,
                                        Instant.now(),
                                        new WalletUpdated("acme", BigDecimal.TEN, "USD", Instant.now())));
        billing.events().sendBytes(Topic.CALL_STATES, garbage, "{not a cloud event".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT)
                .until(() -> !billing.deadLetters(wrongType).isEmpty()
                        && !billing.deadLetters(garbage).isEmpty());
        assertThat(DeadLetterTopics.header(
                        billing.deadLetters(wrongType).getFirst(), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("carries only");
        assertThat(DeadLetterTopics.header(billing.deadLetters(garbage).getFirst(), DeadLetterTopics.EXCEPTION_CLASS))
                .isNotBlank();
    }

    @Test
    void whenACallStateIsSignedWithTheIngressKeyThenDeadLetteredWithTheReasonAndNotCharged() {
        // given a completed call of a day, signed with the ingress's key (trusted, but for provider events only)
        String account = newAccountId();
        var forged = completed(account, newCallId(), 86_400);
        String forgedKey = BillingTopics.keyOf(forged);
        var signedByIngress = billing.events()
                .signAs(
                        EventProducers.WEBHOOK_INGRESS,
                        EventTypes.CALL_STATE_CHANGED,
                        "forged-" + forgedKey,
                        forgedKey,
                        forged.changedAt(),
                        forged);

        // when it is published as the orchestrator publishes snapshots, followed by a good record
        billing.events().send(Topic.CALL_STATES, forgedKey, signedByIngress);
        String goodCall = newCallId();
        billing.publish(completed(account, goodCall, 65));

        // then it is in the DLT with its reason, nothing was charged for it, and the good one is charged
        await().atMost(WAIT).until(() -> !billing.deadLetters(forgedKey).isEmpty());
        assertThat(DeadLetterTopics.header(
                        billing.deadLetters(forgedKey).getFirst(), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("type switchboard.call.state-changed.v1 may be signed only by call-orchestrator; key "
                        + TestEventKeys.keyPair(EventProducers.WEBHOOK_INGRESS).keyId()
                        + " belongs to webhook-ingress");
        await().atMost(WAIT).until(() -> billing.charges(account).size() == 1);
        assertThat(billing.charges(account)).extracting(CallCharged::callId).containsExactly(goodCall);
    }

    @Test
    void whenATombstoneArrivesThenItIsRefusedNotDeadLetteredAndTheNextRecordIsCharged() {
        // given
        String account = newAccountId();
        String tombstoneKey = BillingTopics.keyOf(completed(account, newCallId(), 65));
        double refused = tombstonesRefused();

        // when a record without a value is published, followed by a good record
        billing.events().sendBytes(Topic.CALL_STATES, tombstoneKey, null);
        String goodCall = newCallId();
        billing.awaitHandled(billing.publish(completed(account, goodCall, 65)));

        // then it is counted as refused, not dead-lettered, and the good one is charged
        assertThat(billing.charges(account)).extracting(CallCharged::callId).containsExactly(goodCall);
        assertThat(tombstonesRefused()).isEqualTo(refused + 1);
        assertThat(billing.deadLetters(tombstoneKey)).isEmpty();
    }

    private double tombstonesRefused() {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.CALL_STATES.topicName(), "reason", Refusal.UNSIGNED_TOMBSTONE)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
