package io.switchboard.orchestrator.call.messaging;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.config.CallsProperties;
import io.switchboard.orchestrator.call.domain.CallStore;
import io.switchboard.orchestrator.call.domain.PartitionCalls;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the call store aligned with partition ownership. When partitions of provider-events.v1 are
 * assigned, their calls are rebuilt from the same partitions of call-states.v1 before any record is
 * processed; both topics are written in one transaction, so the rebuilt state matches the committed
 * offsets even after a crash. Revoked or lost partitions are dropped. Boot applies this bean to every
 * listener container; partitions of other topics are ignored.
 */
@Component
class CallStateRebuilder implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(CallStateRebuilder.class);

    private final CallStore store;
    private final TopicReplayer replayer;
    private final CallsProperties properties;
    private final Clock clock;

    CallStateRebuilder(CallStore store, TopicReplayer replayer, CallsProperties properties, Clock clock) {
        this.store = store;
        this.replayer = replayer;
        this.properties = properties;
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
        replayer.replay(Topic.CALL_STATES, List.of(partition), event -> {
            if (event.is(EventTypes.CALL_STATE_CHANGED)) {
                calls.put(CallSnapshots.toCall(
                        event.as(EventTypes.CALL_STATE_CHANGED).payload()));
            }
        });
        calls.evictTerminalBefore(clock.instant().minus(properties.retention()));
        store.assign(partition, calls);
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
