package io.switchboard.orchestrator.call.messaging;

import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.RINGING;
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
        int livePartition = callStates.awaitKey(live, 3).getFirst().partition();
        int endedPartition = callStates.awaitKey(ended, 2).getFirst().partition();

        // when another instance is assigned those partitions
        var store = new CallStore(100);
        var rebuilder = new CallStateRebuilder(store, replayer, properties, Clock.systemUTC());
        rebuilder.onPartitionsAssigned(
                null,
                List.of(
                        new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), livePartition),
                        new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), endedPartition),
                        new TopicPartition(Topic.ROUTING_REQUESTS.topicName(), 0)));

        // then it holds both calls as last published
        assertThat(store.find(livePartition, live)).get().satisfies(call -> {
            assertThat(call.status()).isEqualTo(IN_PROGRESS);
            assertThat(call.requestId()).isEqualTo(liveCall.requestId());
        });
        assertThat(store.find(endedPartition, ended))
                .get()
                .extracting(Call::status)
                .isEqualTo(COMPLETED);

        // and when the ended call is past the retention on a rebuild, only its id is kept
        var later = new CallStateRebuilder(
                store,
                replayer,
                properties,
                Clock.offset(Clock.systemUTC(), properties.retention().plus(Duration.ofMinutes(1))));
        later.onPartitionsAssigned(
                null, List.of(new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), endedPartition)));
        assertThat(store.find(endedPartition, ended)).isEmpty();
        assertThat(store.isRetired(endedPartition, ended)).isTrue();

        // and when the partitions are revoked, their calls are dropped
        rebuilder.onPartitionsRevokedAfterCommit(
                null, List.of(new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), livePartition)));
        assertThat(store.find(livePartition, live)).isEmpty();
    }

    @Test
    void whenReplayedTopicHoldsUndecodableAndUnverifiableRecordsThenSkippedCountedAndStarted() {
        // given a call's states, then in its partition a record that is not a CloudEvent before its last state,
        // and after it a copy of an earlier state signed by a key nobody trusts
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");
        producer.send(Topic.PROVIDER_EVENTS, callId, call.placed(), call.status(RINGING, 1));
        ConsumerRecord<String, CloudEvent> ringing =
                callStates.awaitKey(callId, 2).getLast();
        producer.sendBytes(Topic.CALL_STATES, callId, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        producer.send(Topic.PROVIDER_EVENTS, callId, call.status(IN_PROGRESS, 2));
        callStates.awaitKey(callId, 3);
        producer.send(Topic.CALL_STATES, callId, signedByUntrustedKey(ringing.value()));
        double undecodable = ReplaySkips.count(meters, Topic.CALL_STATES, SkippedRecords.UNDECODABLE);
        double unverifiable = ReplaySkips.count(meters, Topic.CALL_STATES, SkippedRecords.UNVERIFIABLE);

        // when another instance is assigned the partition
        var store = new CallStore(100);
        new CallStateRebuilder(store, replayer, properties, Clock.systemUTC())
                .onPartitionsAssigned(
                        null, List.of(new TopicPartition(Topic.PROVIDER_EVENTS.topicName(), ringing.partition())));

        // then it holds the partition, with the call as last validly published, each bad record counted once
        assertThat(store.find(ringing.partition(), callId))
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
        int partition = callStates.awaitKey(callId, 2).getFirst().partition();
        runningStore.revoke(partition);

        // when its next callbacks arrive, a duplicate among them
        producer.send(Topic.PROVIDER_EVENTS, callId, call.status(RINGING, 1), call.status(IN_PROGRESS, 2));

        // then the call continued from its published state: no second ringing, in-progress follows it
        var states = callStates.awaitKey(callId, 3);
        assertThat(states).extracting(record -> record.value().getId()).doesNotHaveDuplicates();
        assertThat(runningStore.find(partition, callId)).get().satisfies(rebuilt -> {
            assertThat(rebuilt.status()).isEqualTo(IN_PROGRESS);
            assertThat(rebuilt.previousStatus()).isEqualTo(RINGING);
            assertThat(rebuilt.requestId()).isEqualTo(call.requestId());
        });
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
