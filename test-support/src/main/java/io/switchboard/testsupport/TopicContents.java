package io.switchboard.testsupport;

import java.util.List;
import java.util.Optional;

import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

/** Everything a topic holds now: read from its beginning up to its end offsets as the read starts. */
public final class TopicContents {

    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted("/test/reader");

    private TopicContents() {}

    /** Every record of the topic, oldest first per partition; a topic that does not exist has none. */
    public static List<ConsumerRecord<String, byte[]>> records(
            String bootstrapServers, String topic, IsolationLevel isolation) {
        try (var consumer = BoundedRead.consumer(bootstrapServers, isolation)) {
            var partitions = BoundedRead.partitions(consumer, List.of(topic));
            return BoundedRead.read(
                    bootstrapServers, consumer.beginningOffsets(partitions, BoundedRead.TIMEOUT), isolation);
        }
    }

    /**
     * The committed events of the topic that verify with the run's trusted key; records that are no
     * CloudEvent, or do not verify, or are tombstones, are passed over.
     */
    public static List<ConsumedEvent<Object>> events(String bootstrapServers, Topic topic) {
        return records(bootstrapServers, topic.topicName(), IsolationLevel.READ_COMMITTED).stream()
                .map(record -> KafkaRecords.verified(record, VERIFYING))
                .flatMap(Optional::stream)
                .toList();
    }
}
