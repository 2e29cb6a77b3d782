package io.switchboard.orchestrator.support;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestEventKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** What a test needs to talk to the shared broker as another service would: keys, serializers, configs. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Signs as a test producer with the run's key, which the service under test trusts, and verifies its output. */
    public static EventEnvelopes envelopes() {
        var keys = TestEventKeys.keyPair();
        return new EventEnvelopes(URI.create("/test"), new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
    }

    /** Signs with a key the service under test does not trust: what these envelopes wrap is unverifiable there. */
    public static EventEnvelopes untrustedEnvelopes() {
        var keys = TestEventKeys.untrustedKeyPair();
        return new EventEnvelopes(URI.create("/test"), new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
    }

    public static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    /** A consumer of committed records only, in a group of its own. */
    public static Map<String, Object> consumerConfig() {
        var config = new HashMap<String, Object>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    public static CloudEventSerializer cloudEventSerializer() {
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        return serializer;
    }

    public static CloudEventDeserializer cloudEventDeserializer() {
        var deserializer = new CloudEventDeserializer();
        deserializer.configure(Map.of(), false);
        return deserializer;
    }
}
