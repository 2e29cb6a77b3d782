package io.switchboard.orchestrator.call.messaging;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import io.switchboard.events.call.CallIdentity;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.config.CallsProperties;
import io.switchboard.orchestrator.call.domain.CallStore;
import io.switchboard.orchestrator.call.domain.PartitionCalls;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the call store aligned with partition ownership. When partitions of provider-events.v1 are
 * assigned, their calls are rebuilt from the same partitions of call-states.v1 before any record is
 * processed; both topics are written in one transaction, so the rebuilt state matches the committed
 * offsets even after a crash. A snapshot is restored under the call key its payload names only if its
 * record key and subject are that same key; any other is refused (logged, counted), so no record can
 * put one account's state in the place of another's. Revoked or lost partitions are dropped. Boot
 * applies this bean to every listener container; partitions of other topics are ignored.
 */
@Component
class CallStateRebuilder implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(CallStateRebuilder.class);

    private final CallStore store;
    private final TopicReplayer replayer;
    private final CallsProperties properties;
    private final EventRefusals refusals;
    private final Clock clock;

    CallStateRebuilder(
            CallStore store, TopicReplayer replayer, CallsProperties properties, EventRefusals refusals, Clock clock) {
        this.store = store;
        this.replayer = replayer;
        this.properties = properties;
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * A failed replay is not thrown from here: the Kafka consumer would only rethrow it from poll and
     * keep the partition. The partition stays unheld instead, and its first record rebuilds it.
     */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (int partition : providerEventPartitions(partitions)) {
            try {
                rebuild(partition);
            } catch (RuntimeException e) {
                log.warn("Could not rebuild the calls of partition {}; will retry at its first record", partition, e);
            }
        }
    }

    /** Replays the partition's snapshots, latest per call wins, then holds it. */
    void rebuild(int partition) {
        PartitionCalls calls = store.newPartition();
        replayer.replayRecords(Topic.CALL_STATES, List.of(partition), (record, event) -> {
            if (event.is(EventTypes.CALL_STATE_CHANGED)) {
                restore(calls, record, event.as(EventTypes.CALL_STATE_CHANGED));
            }
        });
        calls.evictTerminalBefore(clock.instant().minus(properties.retention()));
        store.assign(partition, calls);
    }

    private void restore(
            PartitionCalls calls, ConsumerRecord<String, byte[]> record, ReceivedEvent<CallStateChanged> event) {
        CallStateChanged snapshot = event.payload();
        CallKey key;
        try {
            key = CallKey.of(snapshot);
        } catch (IllegalArgumentException e) {
            refusals.refuse(
                    record,
                    event.id(),
                    new Refusal(Refusal.KEY_MISMATCH, "the snapshot names no whole call: " + e.getMessage()));
            return;
        }
        CallIdentity.keyedByCall(record.key(), event.subject(), key)
                .ifPresentOrElse(
                        refusal -> refusals.refuse(record, event.id(), refusal),
                        () -> calls.put(CallSnapshots.toCall(snapshot)));
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        providerEventPartitions(partitions).forEach(store::revoke);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        providerEventPartitions(partitions).forEach(store::revoke);
    }

    private static List<Integer> providerEventPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .filter(tp -> tp.topic().equals(Topic.PROVIDER_EVENTS.topicName()))
                .map(TopicPartition::partition)
                .toList();
    }
}
