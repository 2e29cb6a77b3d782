package io.switchboard.calllog;

import static io.switchboard.calllog.CallLogFixture.T0;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.calllog.CallLogFixture.ThreeCalls;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.provider.RecordingReported;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestEventKeys;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** What must not happen: duplicates applied twice, a finished call going back, a poison record blocking the rest. */
class CallLogRedeliveryIT extends CallLogIntegrationTest {

    private final String accountId = CallEvents.newAccountId();

    @Test
    void whenEveryEventIsDeliveredAgainThenNothingChanges() {
        ThreeCalls first = fixture.publishThreeCalls(accountId);
        fixture.awaitThreeCallsLogged(first);
        CallPage before = fixture.search("accountId=" + accountId);

        List<RecordMetadata> again = new ArrayList<>();
        again.addAll(fixture.progress(first.answered(), accountId, T0, QUEUED, RINGING, IN_PROGRESS, COMPLETED));
        again.add(fixture.recording(CallEvents.recording(first.answered(), accountId, "completed")));
        again.add(fixture.charge(CallEvents.charge(first.answered(), accountId)));
        again.add(fixture.recording(CallEvents.recording(first.recordedEarly(), accountId, "completed")));
        fixture.awaitProcessed(again);

        assertThat(fixture.search("accountId=" + accountId)).isEqualTo(before);
    }

    @Test
    void whenOlderSnapshotFollowsTheTerminalOneThenStatusDoesNotRegress() {
        String callId = CallEvents.newCallId();
        fixture.progress(callId, accountId, T0, QUEUED, RINGING, IN_PROGRESS, COMPLETED);
        CallRecord finished = fixture.awaitCall(accountId, callId, call -> "completed".equals(call.status()));

        RecordMetadata stale = fixture.state(CallEvents.snapshot(callId, accountId, T0, QUEUED, RINGING));
        fixture.awaitProcessed(List.of(stale));

        assertThat(fixture.find(accountId, callId)).isEqualTo(finished);
    }

    @Test
    void whenCallStateIsTamperedThenDeadLetteredAndLaterRecordsApplied() {
        String callId = CallEvents.newCallId();
        CallStateChanged genuine = CallEvents.snapshot(callId, accountId, T0, QUEUED);
        String key = CallEvents.key(callId, accountId);
        CloudEvent signed = events.sign(EventTypes.CALL_STATE_CHANGED, EventIds.of(key, "queued"), key, T0, genuine);
        CallStateChanged forged = CallEvents.snapshot(callId, "someone-else", T0, QUEUED, COMPLETED);
        CloudEvent tampered = CloudEventBuilder.v1(signed)
                .withData("application/json", EventJson.write(forged))
                .build();

        events.send(Topic.CALL_STATES, key, tampered);
        fixture.progress(callId, accountId, T0, QUEUED, RINGING);

        CallRecord call = fixture.awaitCall(accountId, callId, logged -> "ringing".equals(logged.status()));
        assertThat(call.accountId()).isEqualTo(accountId);
        ConsumerRecord<String, byte[]> deadLetter =
                new DeadLetterTopics(SharedKafkaBroker.bootstrapServers()).awaitOne(Topic.CALL_STATES, key);
        assertThat(DeadLetterTopics.header(deadLetter, DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("signature");
    }

    @Test
    void whenACallStateOrChargeIsSignedWithTheIngressKeyThenDeadLetteredWithTheReasonAndNothingLogged() {
        // given a call the orchestrator logged as ringing
        String callId = CallEvents.newCallId();
        String key = CallEvents.key(callId, accountId);
        fixture.progress(callId, accountId, T0, QUEUED, RINGING);
        CallRecord ringing = fixture.awaitCall(accountId, callId, logged -> "ringing".equals(logged.status()));

        // when the ingress's key (trusted, for provider events only) signs its completion and a charge for it
        CallStateChanged completed =
                CallEvents.snapshot(callId, accountId, T0, QUEUED, RINGING, IN_PROGRESS, COMPLETED);
        events.send(
                Topic.CALL_STATES,
                key,
                events.signAs(
                        EventProducers.WEBHOOK_INGRESS,
                        EventTypes.CALL_STATE_CHANGED,
                        EventIds.of(key, "forged-completed"),
                        key,
                        T0,
                        completed));
        events.send(
                Topic.LEDGER,
                accountId,
                events.signAs(
                        EventProducers.WEBHOOK_INGRESS,
                        EventTypes.CALL_CHARGED,
                        EventIds.of(key, "forged-charge"),
                        key,
                        T0,
                        CallEvents.charge(callId, accountId)));

        // then both are dead-lettered with the reason, and the logged call is as it was
        var deadLetters = new DeadLetterTopics(SharedKafkaBroker.bootstrapServers());
        assertThat(DeadLetterTopics.header(
                        deadLetters.awaitOne(Topic.CALL_STATES, key), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("type switchboard.call.state-changed.v1 may be signed only by call-orchestrator; key "
                        + TestEventKeys.keyPair(EventProducers.WEBHOOK_INGRESS).keyId()
                        + " belongs to webhook-ingress");
        assertThat(DeadLetterTopics.header(
                        deadLetters.awaitOne(Topic.LEDGER, accountId), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("type switchboard.billing.call-charged.v1 may be signed only by billing-service");
        assertThat(fixture.find(accountId, callId)).isEqualTo(ringing);
    }

    @Test
    void whenATombstoneArrivesOnCallStatesThenTheCallStaysLoggedAndLaterRecordsApply() {
        // given a call logged as ringing
        String callId = CallEvents.newCallId();
        String key = CallEvents.key(callId, accountId);
        fixture.progress(callId, accountId, T0, QUEUED, RINGING);
        fixture.awaitCall(accountId, callId, logged -> "ringing".equals(logged.status()));

        // when a record without a value is published under its key, then its next state
        events.sendBytes(Topic.CALL_STATES, key, null);
        fixture.progress(callId, accountId, T0, QUEUED, RINGING, IN_PROGRESS);

        // then the call is still logged and moves on, and the tombstone is not dead-lettered
        fixture.awaitCall(accountId, callId, logged -> "in-progress".equals(logged.status()));
        assertThat(new DeadLetterTopics(SharedKafkaBroker.bootstrapServers())
                        .withKeys(List.of(Topic.CALL_STATES), Set.of(key)))
                .isEmpty();
    }

    @Test
    void whenRecordingOrChargeNamesNoCallThenDeadLetteredWithReason() {
        String key = CallEvents.newCallId();
        var recording =
                new RecordingReported("twilio", accountId, null, "RE1", "completed", "https://x.test/RE1", 3, 1, T0);
        var charge = new CallCharged("twilio", key, null, 42, 1, null, null, "USD", null, T0);

        events.send(
                Topic.PROVIDER_EVENTS,
                key,
                events.sign(EventTypes.RECORDING_REPORTED, EventIds.of(key, "rec"), key, T0, recording));
        events.send(
                Topic.LEDGER, key, events.sign(EventTypes.CALL_CHARGED, EventIds.of(key, "charge"), key, T0, charge));

        var deadLetters = new DeadLetterTopics(SharedKafkaBroker.bootstrapServers());
        assertThat(DeadLetterTopics.header(
                        deadLetters.awaitOne(Topic.PROVIDER_EVENTS, key), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("callId");
        assertThat(DeadLetterTopics.header(deadLetters.awaitOne(Topic.LEDGER, key), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("callId");
    }
}
