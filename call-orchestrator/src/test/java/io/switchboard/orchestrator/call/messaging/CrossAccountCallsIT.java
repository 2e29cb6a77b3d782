package io.switchboard.orchestrator.call.messaging;

import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newCallId;
import static io.switchboard.orchestrator.support.CallIds.newCallIdInPartitionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallTransition;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.orchestrator.support.ProviderEvents;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tenant isolation in the call state machine (docs/design.md, guarantee 14): a status callback that
 * account B's own credential signed, naming account A's CallSid, is about B's call. Whenever it
 * arrives, A's call and its snapshots on call-states.v1 are exactly what they are without it.
 */
class CrossAccountCallsIT extends OrchestratorIntegrationTest {

    /** A day: what a forged completed callback would like to be charged for. */
    private static final int FORGED_DURATION = 86_400;

    private final SignedEvents producer = SignedEvents.onSharedBroker();
    private final TopicReader<CloudEvent> callStates = TopicReader.cloudEvents(Topic.CALL_STATES.topicName());
    private final TopicReader<byte[]> deadLetters = TopicReader.bytes(Topic.PROVIDER_EVENTS.deadLetterTopicName());

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void close() {
        producer.close();
        callStates.close();
        deadLetters.close();
    }

    @Test
    void whenAnotherAccountsCompletedCallbackForTheCallIdArrivesFirstThenTheCallIsAsWithoutIt() {
        // given account A's outbound call, and account B's signed completed callback naming its CallSid
        String callId = newCallId();
        var ofA = new ProviderEvents(callId, newAccountId());
        var ofB = new ProviderEvents(callId, newAccountId());

        // when B's callback arrives before any of A's events
        producer.send(Topic.PROVIDER_EVENTS, callId, ofB.status(COMPLETED, 3, FORGED_DURATION));
        producer.send(Topic.PROVIDER_EVENTS, callId, aCallThatTalksFor42Seconds(ofA));

        // then
        settle(callId);
        assertAsWithoutForgery(ofA);
        assertOnlyItsOwnCall(ofB);
    }

    @Test
    void whenAnotherAccountsCompletedCallbackForTheCallIdArrivesAfterTheCallEndedThenTheCallIsAsWithoutIt() {
        // given account A's call, which completed after 42 s
        String callId = newCallId();
        var ofA = new ProviderEvents(callId, newAccountId());
        var ofB = new ProviderEvents(callId, newAccountId());
        producer.send(Topic.PROVIDER_EVENTS, callId, aCallThatTalksFor42Seconds(ofA));

        // when account B reports the same CallSid completed, a day long, twice
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                ofB.status(COMPLETED, 3, FORGED_DURATION),
                ofB.status(COMPLETED, 3, FORGED_DURATION));

        // then
        settle(callId);
        assertAsWithoutForgery(ofA);
        assertOnlyItsOwnCall(ofB);
    }

    @Test
    void whenAnotherAccountsCompletedCallbackArrivesWhileTheCallIsLiveThenTheCallIsAsWithoutIt() {
        // given account A's ringing call
        String callId = newCallId();
        var ofA = new ProviderEvents(callId, newAccountId());
        var ofB = new ProviderEvents(callId, newAccountId());

        // when B's completed callback for its CallSid arrives between A's events
        producer.send(Topic.PROVIDER_EVENTS, callId, ofA.placed(), ofA.status(RINGING, 1));
        producer.send(Topic.PROVIDER_EVENTS, callId, ofB.status(COMPLETED, 3, FORGED_DURATION));
        producer.send(Topic.PROVIDER_EVENTS, callId, ofA.status(IN_PROGRESS, 2), ofA.status(COMPLETED, 3, 42));

        // then
        settle(callId);
        assertAsWithoutForgery(ofA);
        assertOnlyItsOwnCall(ofB);
    }

    @Test
    void whenAProviderEventIsKeyedByAnotherCallIdThanItsPayloadThenItIsRefusedCountedAndNotApplied() {
        // given a signed completed callback of a call, written under another call's key (another partition's order)
        String callId = newCallId();
        String otherKey = newCallId();
        var call = new ProviderEvents(callId, newAccountId());
        double refusedBefore = refused(Refusal.KEY_MISMATCH);

        // when it is consumed
        producer.send(Topic.PROVIDER_EVENTS, otherKey, call.status(COMPLETED, 3, FORGED_DURATION));

        // then it was refused, counted, not dead-lettered and changed no call
        settle(otherKey);
        assertThat(refused(Refusal.KEY_MISMATCH)).isEqualTo(refusedBefore + 1);
        assertThat(stateRecords(call.stateKey())).isEmpty();
        assertThat(deadLetters.await(record -> otherKey.equals(record.key()), matched -> true))
                .isEmpty();
    }

    private static CloudEvent[] aCallThatTalksFor42Seconds(ProviderEvents call) {
        return new CloudEvent[] {
            call.placed(), call.status(RINGING, 1), call.status(IN_PROGRESS, 2), call.status(COMPLETED, 3, 42)
        };
    }

    /** A's snapshots, ids included, are those its own four events make alone. */
    private void assertAsWithoutForgery(ProviderEvents ofA) {
        List<ConsumerRecord<String, CloudEvent>> records = stateRecords(ofA.stateKey());
        assertThat(records)
                .extracting(record -> record.value().getId())
                .containsExactly(
                        id(ofA, "queued", 1),
                        id(ofA, "ringing", 2),
                        id(ofA, "in-progress", 3),
                        id(ofA, "completed", 4));
        assertThat(records).extracting(record -> record.value().getSubject()).containsOnly(ofA.stateKey());
        CallStateChanged last = states(records).getLast();
        assertThat(last.accountId()).isEqualTo(ofA.key().accountId());
        assertThat(last.status()).isEqualTo(COMPLETED);
        assertThat(last.durationSeconds()).isEqualTo(42);
        assertThat(last.previousStatus()).isEqualTo(IN_PROGRESS);
        assertThat(last.requestId()).isEqualTo(ofA.requestId());
        assertThat(last.timeline())
                .extracting(CallTransition::status)
                .containsExactly(QUEUED, RINGING, IN_PROGRESS, COMPLETED);
    }

    /** B's callback made B's call, under B's key, and went nowhere else: no dead letter, no bare-CallSid record. */
    private void assertOnlyItsOwnCall(ProviderEvents ofB) {
        List<CallStateChanged> states = states(stateRecords(ofB.stateKey()));
        assertThat(states).singleElement().satisfies(state -> {
            assertThat(state.accountId()).isEqualTo(ofB.key().accountId());
            assertThat(state.status()).isEqualTo(COMPLETED);
            assertThat(state.durationSeconds()).isEqualTo(FORGED_DURATION);
        });
        String callId = ofB.key().providerCallId();
        assertThat(stateRecords(callId)).isEmpty();
        assertThat(deadLetters.await(record -> callId.equals(record.key()), matched -> true))
                .isEmpty();
    }

    /**
     * Sends a call in the same partition after the test's events and waits for its state: partitions
     * are processed in order, so by then every record before it is applied and committed.
     */
    private void settle(String providerEventKey) {
        var marker = new ProviderEvents(newCallIdInPartitionOf(providerEventKey), "acme");
        producer.send(Topic.PROVIDER_EVENTS, marker.key().providerCallId(), marker.placed());
        callStates.awaitKey(marker.stateKey(), 1);
    }

    private List<ConsumerRecord<String, CloudEvent>> stateRecords(String key) {
        return callStates.await(record -> key.equals(record.key()), matched -> true);
    }

    private double refused(String reason) {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.PROVIDER_EVENTS.topicName(), "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String id(ProviderEvents call, String status, int timelineSize) {
        return EventIds.of("call-state", call.stateKey(), status, Integer.toString(timelineSize));
    }

    private static List<CallStateChanged> states(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream()
                .map(record -> TestEnvelopes.trusted()
                        .unwrap(record.value())
                        .as(EventTypes.CALL_STATE_CHANGED)
                        .payload())
                .toList();
    }
}
