package io.switchboard.orchestrator.call.messaging;

import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.RINGING;
import static io.switchboard.orchestrator.support.CallIds.newAccountId;
import static io.switchboard.orchestrator.support.CallIds.newCallId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.config.CallsProperties;
import io.switchboard.orchestrator.call.domain.Call;
import io.switchboard.orchestrator.call.domain.CallStore;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.orchestrator.support.ProviderEvents;
import io.switchboard.testsupport.ReplaySkips;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CallStateRebuilderIT extends OrchestratorIntegrationTest {

    private final SignedEvents producer = SignedEvents.onSharedBroker();
    private final TopicReader<CloudEvent> callStates = TopicReader.cloudEvents(Topic.CALL_STATES.topicName());

    @Autowired
    TopicReplayer replayer;

    @Autowired
    CallsProperties properties;

    @Autowired
    CallStore runningStore;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventRefusals refusals;

    @AfterEach
    void close() {
        producer.close();
        callStates.close();
    }

    @Test
    void whenPartitionIsAssignedThenItsCallsAreRebuiltFromCallStates() {
        // given a live call and an ended one, both applied by the running service
        String live = newCallId();
        String ended = newCallId();
        var liveCall = new ProviderEvents(live, "acme");
        var endedCall = new ProviderEvents(ended, "acme");
        producer.send(
                Topic.PROVIDER_EVENTS,
                live,
                liveCall.placed(),
                liveCall.status(RINGING, 1),
                liveCall.status(IN_PROGRESS, 2));
        producer.send(Topic.PROVIDER_EVENTS, ended, endedCall.placed(), endedCall.status(COMPLETED, 3, 20));
        int livePartition =
                callStates.awaitKey(liveCall.stateKey(), 3).getFirst().partition();
        int endedPartition =
                callStates.awaitKey(endedCall.stateKey(), 2).getFirst().partition();

        // when another instance is assigned those partitions
        var store = new CallStore(100);
        var rebuilder = new CallStateRebuilder(store, replayer, properties, refusals, Clock.systemUTC());
        rebuilder.onPartitionsAssigned(
                null,
                List.of(
                        new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), livePartition),
                        new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), endedPartition),
                        new TopicPartition(Topic.ROUTING_REQUESTS.topicName(), 0)));

        // then it holds both calls as last published
        assertThat(store.find(livePartition, liveCall.key())).get().satisfies(call -> {
            assertThat(call.status()).isEqualTo(IN_PROGRESS);
            assertThat(call.requestId()).isEqualTo(liveCall.requestId());
        });
        assertThat(store.find(endedPartition, endedCall.key()))
                .get()
                .extracting(Call::status)
                .isEqualTo(COMPLETED);

        // and when the ended call is past the retention on a rebuild, only its id is kept
        var later = new CallStateRebuilder(
                store,
                replayer,
                properties,
                refusals,
                Clock.offset(Clock.systemUTC(), properties.retention().plus(Duration.ofMinutes(1))));
        later.onPartitionsAssigned(
                null, List.of(new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), endedPartition)));
        assertThat(store.find(endedPartition, endedCall.key())).isEmpty();
        assertThat(store.isRetired(endedPartition, endedCall.key())).isTrue();

        // and when the partitions are revoked, their calls are dropped
        rebuilder.onPartitionsRevokedAfterCommit(
                null, List.of(new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), livePartition)));
        assertThat(store.find(livePartition, liveCall.key())).isEmpty();
    }

    @Test
    void whenReplayedTopicHoldsUndecodableAndUnverifiableRecordsThenSkippedCountedAndStarted() {
        // given a call's states, then in its partition a record that is not a CloudEvent before its last state,
        // and after it a copy of an earlier state signed by a key nobody trusts
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");
        producer.send(Topic.PROVIDER_EVENTS, callId, call.placed(), call.status(RINGING, 1));
        ConsumerRecord<String, CloudEvent> ringing =
                callStates.awaitKey(call.stateKey(), 2).getLast();
        // keyed by the bare CallSid, so that the partitioner puts it in the partition of the call's events and states
        producer.sendBytes(Topic.CALL_STATES, callId, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        producer.send(Topic.PROVIDER_EVENTS, callId, call.status(IN_PROGRESS, 2));
        callStates.awaitKey(call.stateKey(), 3);
        producer.send(Topic.CALL_STATES, ringing.partition(), call.stateKey(), signedByUntrustedKey(ringing.value()));
        double undecodable = ReplaySkips.count(meters, Topic.CALL_STATES, SkippedRecords.UNDECODABLE);
        double unverifiable = ReplaySkips.count(meters, Topic.CALL_STATES, SkippedRecords.UNVERIFIABLE);

        // when another instance is assigned the partition
        var store = new CallStore(100);
        new CallStateRebuilder(store, replayer, properties, refusals, Clock.systemUTC())
                .onPartitionsAssigned(
                        null, List.of(new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), ringing.partition())));

        // then it holds the partition, with the call as last validly published, each bad record counted once
        assertThat(store.find(ringing.partition(), call.key()))
                .get()
                .extracting(Call::status)
                .isEqualTo(IN_PROGRESS);
        assertThat(ReplaySkips.count(meters, Topic.CALL_STATES, SkippedRecords.UNDECODABLE))
                .isEqualTo(undecodable + 1);
        assertThat(ReplaySkips.count(meters, Topic.CALL_STATES, SkippedRecords.UNVERIFIABLE))
                .isEqualTo(unverifiable + 1);
    }

    @Test
    void whenPartitionWasNotRebuiltThenItsFirstRecordRebuildsItBeforeApplying() {
        // given a ringing call, and its partition's state lost as if the replay at assignment had failed
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");
        producer.send(Topic.PROVIDER_EVENTS, callId, call.placed(), call.status(RINGING, 1));
        int partition = callStates.awaitKey(call.stateKey(), 2).getFirst().partition();
        runningStore.revoke(partition);

        // when its next callbacks arrive, a duplicate among them
        producer.send(Topic.PROVIDER_EVENTS, callId, call.status(RINGING, 1), call.status(IN_PROGRESS, 2));

        // then the call continued from its published state: no second ringing, in-progress follows it
        var states = callStates.awaitKey(call.stateKey(), 3);
        assertThat(states).extracting(record -> record.value().getId()).doesNotHaveDuplicates();
        assertThat(runningStore.find(partition, call.key())).get().satisfies(rebuilt -> {
            assertThat(rebuilt.status()).isEqualTo(IN_PROGRESS);
            assertThat(rebuilt.previousStatus()).isEqualTo(RINGING);
            assertThat(rebuilt.requestId()).isEqualTo(call.requestId());
        });
    }

    @Test
    void whenAnotherAccountsSnapshotIsFiledUnderTheCallsKeyThenTheRebuildRefusesItAndKeepsBothCallsApart() {
        // given account A's completed call, and account B's own live call with the same CallSid
        String callId = newCallId();
        var ofA = new ProviderEvents(callId, newAccountId());
        var ofB = new ProviderEvents(callId, newAccountId());
        producer.send(Topic.PROVIDER_EVENTS, callId, ofA.placed(), ofA.status(COMPLETED, 3, 42));
        producer.send(Topic.PROVIDER_EVENTS, callId, ofB.status(RINGING, 1));
        ConsumerRecord<String, CloudEvent> completedOfA =
                callStates.awaitKey(ofA.stateKey(), 2).getLast();
        ConsumerRecord<String, CloudEvent> ringingOfB =
                callStates.awaitKey(ofB.stateKey(), 1).getLast();
        int partition = completedOfA.partition();
        assertThat(ringingOfB.partition()).isEqualTo(partition);

        // when B's snapshot, signed by a trusted key, is written under A's key, once with B's subject, once with A's
        double accountMismatches = refused(Refusal.ACCOUNT_MISMATCH);
        producer.send(Topic.CALL_STATES, partition, ofA.stateKey(), ringingOfB.value());
        producer.send(Topic.CALL_STATES, partition, ofA.stateKey(), resubjected(ringingOfB.value(), ofA.stateKey()));
        // and A's own snapshot under the bare CallSid, as call-states was keyed before call keys
        double keyMismatches = refused(Refusal.KEY_MISMATCH);
        producer.send(Topic.CALL_STATES, partition, callId, completedOfA.value());

        // then a rebuild holds A's call as A last published it, and B's as B's, and refused the three
        var store = new CallStore(100);
        new CallStateRebuilder(store, replayer, properties, refusals, Clock.systemUTC())
                .onPartitionsAssigned(null, List.of(new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), partition)));
        assertThat(store.find(partition, ofA.key())).get().satisfies(call -> {
            assertThat(call.status()).isEqualTo(COMPLETED);
            assertThat(call.durationSeconds()).isEqualTo(42);
        });
        assertThat(store.find(partition, ofB.key()))
                .get()
                .extracting(Call::status)
                .isEqualTo(RINGING);
        assertThat(refused(Refusal.ACCOUNT_MISMATCH)).isEqualTo(accountMismatches + 2);
        assertThat(refused(Refusal.KEY_MISMATCH)).isEqualTo(keyMismatches + 1);
    }

    private double refused(String reason) {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", Topic.CALL_STATES.topicName(), "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The same state under another (signed) subject, signed by a trusted key. */
    private static CloudEvent resubjected(CloudEvent state, String subject) {
        CallStateChanged payload = TestEnvelopes.trusted()
                .unwrap(state)
                .as(EventTypes.CALL_STATE_CHANGED)
                .payload();
        return TestEnvelopes.trusted()
                .wrap(
                        EventTypes.CALL_STATE_CHANGED,
                        "resubjected-" + state.getId(),
                        subject,
                        state.getTime().toInstant(),
                        payload);
    }

    /** The same state under a new id, signed by a key the service does not trust. */
    private static CloudEvent signedByUntrustedKey(CloudEvent state) {
        CallStateChanged payload = TestEnvelopes.trusted()
                .unwrap(state)
                .as(EventTypes.CALL_STATE_CHANGED)
                .payload();
        return TestEnvelopes.untrusted()
                .wrap(
                        EventTypes.CALL_STATE_CHANGED,
                        "forged-" + state.getId(),
                        state.getSubject(),
                        state.getTime().toInstant(),
                        payload);
    }
}
