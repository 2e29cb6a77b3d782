package io.switchboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** What a test reads off one consumed record: a header as text, the CloudEvent its bytes hold, the verified event. */
public final class KafkaRecords {

    private KafkaRecords() {}

    /** The last value of the header, as UTF-8; null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The CloudEvent in binary mode (its attributes in {@code ce_*} headers); throws when the record holds none. */
    public static CloudEvent cloudEvent(ConsumerRecord<?, byte[]> record) {
        try (var deserializer = TestKafkaClients.cloudEventDeserializer()) {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        }
    }

    /** The record's event, verified with {@code envelopes}; empty when it is no CloudEvent or does not verify. */
    public static Optional<ConsumedEvent<Object>> verified(
            ConsumerRecord<String, byte[]> record, EventEnvelopes envelopes) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConsumedEvent<>(
                    record.key(), record.partition(), record.offset(), envelopes.unwrap(cloudEvent(record))));
        } catch (RuntimeException e) {
            // Undecodable, unverifiable or of an unknown type: a test's deliberate poison, never what it reads for.
            return Optional.empty();
        }
    }
}
