package io.switchboard.ops.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

import io.switchboard.events.deadletter.DeadLetters;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A dead letter on its way back: the record that failed, as it was (key, value, CloudEvent and
 * signature headers), to the topic and partition it came from, without the headers the dead-letter
 * path added, and with {@value #REDRIVEN_FROM_HEADER} saying where it was. Consumers apply an event
 * id at most once, so re-driving one that was applied meanwhile changes nothing.
 *
 * @param problem why it cannot go back, or null when it can
 */
record Redrive(DeadLetter deadLetter, ProducerRecord<byte[], byte[]> record, String problem) {

    static final String REDRIVEN_FROM_HEADER = "switchboard_redriven-from";

    /** Spring Kafka's {@code KafkaHeaders.DLT_*} and ours ({@link DeadLetters#REASON_HEADER}). */
    private static final List<String> DEAD_LETTER_HEADER_PREFIXES =
            List.of(KafkaHeaders.PREFIX + "dlt-", "switchboard_dlt-");

    /**
     * Back to {@code source}, which must be where the dead letter says it came from and have the
     * partition it came from ({@code sourcePartitions}: how many it has on the cluster).
     */
    static Redrive of(DeadLetter deadLetter, Topic source, int sourcePartitions) {
        String topic = deadLetter.originalTopic().orElse(null);
        OptionalInt partition = deadLetter.originalPartition();
        if (topic == null) {
            return refused(deadLetter, "it has no " + KafkaHeaders.DLT_ORIGINAL_TOPIC + " header");
        }
        if (!isCatalogueTopic(topic)) {
            return refused(deadLetter, "it came from " + topic + ", which is not a Switchboard topic");
        }
        if (!topic.equals(source.topicName())) {
            return refused(deadLetter, "it came from " + topic + ", not from " + source.topicName());
        }
        if (partition.isEmpty()) {
            return refused(deadLetter, "it has no valid " + KafkaHeaders.DLT_ORIGINAL_PARTITION + " header");
        }
        if (partition.getAsInt() < 0 || partition.getAsInt() >= sourcePartitions) {
            return refused(
                    deadLetter,
                    "it came from partition " + partition.getAsInt() + ", which " + topic
                            + " does not have on this cluster (" + sourcePartitions + " partitions)");
        }
        var headers = new RecordHeaders();
        for (Header header : deadLetter.record().headers()) {
            if (!isAddedByDeadLettering(header.key())) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM_HEADER, deadLetter.at().getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(
                topic,
                partition.getAsInt(),
                null,
                deadLetter.record().key(),
                deadLetter.record().value(),
                headers);
        return new Redrive(deadLetter, record, null);
    }

    boolean refused() {
        return problem != null;
    }

    /** {@code <dlt>@<offset> -> <topic>-<partition> key=… ce_id=… ce_type=…} */
    String describe() {
        String target = record == null ? "?" : record.topic() + "-" + record.partition();
        return deadLetter.at() + " -> " + target + " key=" + deadLetter.key().orElse("") + " ce_id="
                + deadLetter.header("ce_id").orElse("") + " ce_type="
                + deadLetter.header("ce_type").orElse("");
    }

    /** The dead-letter headers, and an earlier re-drive's mark. */
    private static boolean isAddedByDeadLettering(String header) {
        return DEAD_LETTER_HEADER_PREFIXES.stream().anyMatch(header::startsWith) || header.equals(REDRIVEN_FROM_HEADER);
    }

    private static boolean isCatalogueTopic(String topic) {
        try {
            Topic.byName(topic);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Redrive refused(DeadLetter deadLetter, String problem) {
        return new Redrive(deadLetter, null, deadLetter.at() + " cannot be re-driven: " + problem);
    }
}
