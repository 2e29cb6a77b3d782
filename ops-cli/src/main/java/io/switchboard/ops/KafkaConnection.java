package io.switchboard.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * The options every command takes to reach the cluster, and the clients it builds from them. Records
 * are read and written as the bytes they are, so that a re-driven record is the record that failed.
 */
public final class KafkaConnection {

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "localhost:9092",
            paramLabel = "HOST:PORT[,…]",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            description = "Kafka client properties, e.g. security.protocol and sasl.* or ssl.* for a secured cluster.")
    private Path commandConfig;

    public Admin admin() {
        return Admin.create(properties());
    }

    /**
     * A consumer outside any group (it commits nothing) that reads committed records only and never
     * creates a topic by asking about it.
     */
    public KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = properties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Idempotent and acknowledged by every in-sync replica: a re-drive is neither lost nor doubled by a retry. */
    public KafkaProducer<byte[], byte[]> producer() {
        Properties properties = properties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Properties properties() {
        var properties = new Properties();
        if (commandConfig != null) {
            try (Reader reader = Files.newBufferedReader(commandConfig)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new RefusedException("cannot read --command-config " + commandConfig + ": " + e);
            }
        }
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "switchboard-ops");
        return properties;
    }
}
