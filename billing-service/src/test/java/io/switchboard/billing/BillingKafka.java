package io.switchboard.billing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.TestEventKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The test's side of the broker: publishes signed call-state snapshots (as the orchestrator would) and
 * reads what billing wrote, committed or not, and its dead letters.
 */
final class BillingKafka implements AutoCloseable {

    static final String BILLING_GROUP = "billing-service";

    private final String bootstrapServers;
    private final EventEnvelopes envelopes;
    private final EventEnvelopes untrusted;
    private final KafkaProducer<String, CloudEvent> producer;
    private final KafkaProducer<String, String> rawProducer;
    private final Admin admin;

    BillingKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        var keys = TestEventKeys.keyPair();
        this.envelopes = new EventEnvelopes(URI.create("/test/call-orchestrator"),
                new EventSigner(keys.keyId(), keys.privateKey()), new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
        var untrustedKeys = TestEventKeys.untrustedKeyPair();
        this.untrusted = new EventEnvelopes(URI.create("/test/billing-service"),
                new EventSigner(untrustedKeys.keyId(), untrustedKeys.privateKey()),
                new EventVerifier(Map.of(untrustedKeys.keyId(), untrustedKeys.publicKey())));
        Map<String, Object> producerProperties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), serializer);
        this.rawProducer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    CloudEvent signed(CallStateChanged call) {
        return envelopes.wrap(EventTypes.CALL_STATE_CHANGED,
                EventIds.of("test-call-state", call.callId(), String.valueOf(call.status()), call.changedAt().toString()),
                call.callId(), call.changedAt(), call);
    }

    <T> CloudEvent signed(EventType<T> type, String id, String subject, T payload) {
        return envelopes.wrap(type, id, subject, Instant.now(), payload);
    }

    /** Signed by a key billing does not trust: unverifiable there. */
    <T> CloudEvent signedByUntrustedKey(EventType<T> type, String id, String subject, T payload) {
        return untrusted.wrap(type, id, subject, Instant.now(), payload);
    }

    RecordMetadata publish(CallStateChanged call) {
        return send(call.callId(), signed(call));
    }

    RecordMetadata send(String key, CloudEvent event) {
        return send(Topic.CALL_STATES, key, event);
    }

    RecordMetadata send(Topic topic, String key, CloudEvent event) {
        try {
            return producer.send(new ProducerRecord<>(topic.topicName(), key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    RecordMetadata sendRaw(String key, String value) {
        return sendRaw(Topic.CALL_STATES, key, value);
    }

    /** A plain string value with no {@code ce_*} headers: not a CloudEvent. */
    RecordMetadata sendRaw(Topic topic, String key, String value) {
        try {
            return rawProducer.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until billing's consumer group has committed past the record, i.e. it has been handled. */
    void awaitHandled(RecordMetadata sent) {
        var partition = new TopicPartition(sent.topic(), sent.partition());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(BILLING_GROUP)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }

    List<CallCharged> charges(String accountId, boolean committedOnly) {
        return payloads(Topic.LEDGER, accountId, EventTypes.CALL_CHARGED, committedOnly).stream()
                .filter(c -> c.accountId().equals(accountId)).toList();
    }

    List<WalletToppedUp> topUps(String accountId) {
        return payloads(Topic.LEDGER, accountId, EventTypes.WALLET_TOPPED_UP, true).stream()
                .filter(t -> t.accountId().equals(accountId)).toList();
    }

    /** In the order written: wallets.v1 is keyed by account, so one account's states share a partition. */
    List<WalletUpdated> walletUpdates(String accountId) {
        return payloads(Topic.WALLETS, accountId, EventTypes.WALLET_UPDATED, true).stream()
                .filter(w -> w.accountId().equals(accountId)).toList();
    }

    List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return readAll(Topic.CALL_STATES.deadLetterTopicName(), true, new ByteArrayDeserializer(), Function.identity())
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The account's events of {@code type} on a topic keyed by account. Only the account's records are
     * decoded (and must verify): another test's deliberately bad records under its own account are not.
     */
    private <T> List<T> payloads(Topic topic, String accountId, EventType<T> type, boolean committedOnly) {
        var deserializer = new CloudEventDeserializer();
        deserializer.configure(Map.of(), false);
        List<ReceivedEvent<Object>> events = readAll(topic.topicName(), committedOnly, new ByteArrayDeserializer(),
                r -> r.value() == null || !accountId.equals(r.key()) ? null
                        : envelopes.unwrap(deserializer.deserialize(r.topic(), r.headers(), r.value())));
        return events.stream().filter(e -> e != null && e.is(type)).map(e -> e.as(type).payload()).toList();
    }

    private <V, R> List<R> readAll(String topic, boolean committedOnly,
            Deserializer<V> deserializer, Function<ConsumerRecord<String, V>, R> map) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), deserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var results = new ArrayList<R>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> results.add(map.apply(r)));
            }
            return results;
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
        admin.close();
    }
}
