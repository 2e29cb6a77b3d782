package io.switchboard.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/** Client settings and CloudEvent (de)serializers for a test talking to a broker as another service would. */
public final class TestKafkaClients {

    private TestKafkaClients() {}

    /** Every send acknowledged by all in-sync replicas, so a test reads what it sent. */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
    }

    /** A consumer without a group, for partitions a test assigns itself; nothing is committed. */
    public static Map<String, Object> consumerConfig(String bootstrapServers, IsolationLevel isolation) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolation.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
    }

    /** A consumer of committed records only, in a group of its own, from the earliest offset; nothing is committed. */
    public static Map<String, Object> groupConsumerConfig(String bootstrapServers) {
        var config = new HashMap<>(consumerConfig(bootstrapServers, IsolationLevel.READ_COMMITTED));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
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
