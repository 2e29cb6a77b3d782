package io.switchboard.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to any topic of the catalogue as another service would: events signed with the trusted
 * key of the producer their type names (or, to test rejection, the untrusted key, or another
 * producer's trusted key), and raw bytes for poison and tombstones. Every send waits for the broker's
 * acknowledgement.
 */
public final class SignedEvents implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final EventEnvelopes trusted;
    private final EventEnvelopes untrusted;
    private final String source;
    private final KafkaProducer<String, CloudEvent> events;
    private final KafkaProducer<String, byte[]> bytes;

    /** Signing as source {@value TestEnvelopes#TEST_SOURCE}. */
    public SignedEvents(String bootstrapServers) {
        this(bootstrapServers, TestEnvelopes.TEST_SOURCE);
    }

    public SignedEvents(String bootstrapServers, String source) {
        this.trusted = TestEnvelopes.trusted(source);
        this.untrusted = TestEnvelopes.untrusted(source);
        this.source = source;
        this.events = new KafkaProducer<>(
                TestKafkaClients.producerConfig(bootstrapServers),
                new StringSerializer(),
                TestKafkaClients.cloudEventSerializer());
        this.bytes = new KafkaProducer<>(
                TestKafkaClients.producerConfig(bootstrapServers), new StringSerializer(), new ByteArraySerializer());
    }

    /** On the run's shared broker ({@link SharedKafkaBroker#bootstrapServers()}). */
    public static SignedEvents onSharedBroker() {
        return new SignedEvents(SharedKafkaBroker.bootstrapServers());
    }

    public <T> CloudEvent sign(EventType<T> type, String id, String subject, Instant time, T payload) {
        return trusted.wrap(type, id, subject, time, payload);
    }

    /**
     * Signed with {@code producer}'s trusted key whatever the type: refused by every service under test
     * when the type is another producer's.
     */
    public <T> CloudEvent signAs(
            String producer, EventType<T> type, String id, String subject, Instant time, T payload) {
        return TestEnvelopes.signedAs(producer, source).wrap(type, id, subject, time, payload);
    }

    /** The same event signed anew with {@code producer}'s trusted key, as if that producer had written it. */
    public static CloudEvent resignAs(String producer, CloudEvent event) {
        var keys = TestEventKeys.keyPair(producer);
        return new EventSigner(keys.keyId(), keys.privateKey()).sign(event);
    }

    /** Signed by a key no service under test trusts: unverifiable there. */
    public <T> CloudEvent signUntrusted(EventType<T> type, String id, String subject, Instant time, T payload) {
        return untrusted.wrap(type, id, subject, time, payload);
    }

    /** Sends each event in turn, each acknowledged before the next; returns where the last one went. */
    public RecordMetadata send(Topic topic, String key, CloudEvent... values) {
        RecordMetadata last = null;
        for (CloudEvent value : values) {
            last = await(events.send(new ProducerRecord<>(topic.topicName(), key, value)));
        }
        return last;
    }

    /** To a chosen partition: a later record there is processed only after this one. */
    public RecordMetadata send(Topic topic, int partition, String key, CloudEvent value) {
        return await(events.send(new ProducerRecord<>(topic.topicName(), partition, key, value)));
    }

    /** A record that is not a CloudEvent (no {@code ce_*} headers), or with a null value a tombstone. */
    public RecordMetadata sendBytes(Topic topic, String key, byte[] value) {
        return await(bytes.send(new ProducerRecord<>(topic.topicName(), key, value)));
    }

    private static RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the test broker took a record", e);
        } catch (Exception e) {
            throw new IllegalStateException("The test broker did not take a record", e);
        }
    }

    @Override
    public void close() {
        events.close();
        bytes.close();
    }
}
