package io.switchboard.testsupport;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The end offsets of some topics at one moment, to read afterwards exactly what was appended since:
 * "nothing was published anywhere" and "this was published once" become assertions on a list.
 */
public final class TopicSnapshot {

    private final String bootstrapServers;
    private final Map<TopicPartition, Long> endOffsets;

    private TopicSnapshot(String bootstrapServers, Map<TopicPartition, Long> endOffsets) {
        this.bootstrapServers = bootstrapServers;
        this.endOffsets = endOffsets;
    }

    /** Every topic of the catalogue and its dead-letter topic, as far as they exist. */
    public static TopicSnapshot ofCatalogue(String bootstrapServers) {
        return of(
                bootstrapServers,
                Stream.of(Topic.values())
                        .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopicName()))
                        .toList());
    }

    public static TopicSnapshot of(String bootstrapServers, Collection<String> topics) {
        try (var consumer = BoundedRead.consumer(bootstrapServers, IsolationLevel.READ_UNCOMMITTED)) {
            List<TopicPartition> partitions = BoundedRead.partitions(consumer, List.copyOf(topics));
            return new TopicSnapshot(
                    bootstrapServers, Map.copyOf(consumer.endOffsets(partitions, BoundedRead.TIMEOUT)));
        }
    }

    public int partitionCount() {
        return endOffsets.size();
    }

    /**
     * Every record appended to the snapshot's partitions since it was taken, up to their current end.
     *
     * @param isolation {@code READ_UNCOMMITTED} to see every record written, {@code READ_COMMITTED} for
     *                  what a consumer of the topic would see
     */
    public List<ConsumerRecord<String, byte[]>> recordsSince(IsolationLevel isolation) {
        return BoundedRead.read(bootstrapServers, endOffsets, isolation);
    }
}
