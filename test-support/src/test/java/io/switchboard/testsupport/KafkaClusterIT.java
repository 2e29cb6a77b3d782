package io.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterIT {

    private static final String NEEDS_TWO = "needs-two-in-sync";
    private static final String NEEDS_ONE = "needs-one-in-sync";
    private static final TopicPartition CONSUMED = new TopicPartition("consumed", 0);
    private static final String GROUP = "kafka-cluster-it";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private KafkaCluster cluster;
    private Consumer<String, String> groupMember;
    private final List<Producer<String, String>> producers = new ArrayList<>();

    @BeforeEach
    void startCluster() {
        cluster = KafkaCluster.start(directory, 2);
        groupMember = consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, GROUP));
    }

    @AfterEach
    void stopEverything() {
        // close() without a timeout waits for ever on a transaction the cluster cannot finish.
        producers.forEach(producer -> producer.close(Duration.ofSeconds(5)));
        groupMember.close(Duration.ofSeconds(5));
        cluster.close();
    }

    @Test
    void whenBrokerIsDownThenOnlyTopicsNeedingTwoInSyncReplicasRefuseTransactionsUntilItIsBack() throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(topic(NEEDS_TWO, 2), topic(NEEDS_ONE, 1), topic(CONSUMED.topic(), 1)))
                    .all()
                    .get();
            var strict = transactionalProducer("strict");
            writeInTransaction(strict, NEEDS_TWO, "before outage", 1);
            // commitTransaction() returns before the commit markers are written; an outage before then
            // would hold this transactional id up as described below.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(committedValues(NEEDS_TWO)).containsExactly("before outage"));

            cluster.stopBroker(1);

            strict.beginTransaction();
            assertThat(strict.send(new ProducerRecord<>(NEEDS_TWO, "refused", "refused")))
                    .failsWithin(WAIT)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOfAny(NotEnoughReplicasException.class, TimeoutException.class);
            strict.abortTransaction();
            // The abort marker for the refused partition needs two in-sync replicas as well: until the
            // broker is back, "strict" would wait in its next transaction. Other transactional ids carry on.
            writeInTransaction(transactionalProducer("lenient"), NEEDS_ONE, "during outage", 2);

            cluster.startBroker(1);
            await().atMost(WAIT).until(() -> fullyInSync(admin, NEEDS_TWO));
            writeInTransaction(strict, NEEDS_TWO, "after outage", 3);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(committedValues(NEEDS_TWO)).containsExactlyInAnyOrder("before outage", "after outage");
                assertThat(committedValues(NEEDS_ONE)).containsExactly("during outage");
                assertThat(admin.listConsumerGroupOffsets(GROUP)
                                .partitionsToOffsetAndMetadata()
                                .get())
                        .extractingByKey(CONSUMED)
                        .extracting(OffsetAndMetadata::offset)
                        .isEqualTo(3L);
            });
        }
    }

    /** One transaction as a consume-process-produce service runs it: a record and the group's consumed offset. */
    private void writeInTransaction(Producer<String, String> producer, String topic, String value, long consumed)
            throws Exception {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, value, value)).get();
        producer.sendOffsetsToTransaction(
                Map.of(CONSUMED, new OffsetAndMetadata(consumed)), groupMember.groupMetadata());
        producer.commitTransaction();
    }

    private static NewTopic topic(String name, int minInSyncReplicas) {
        return new NewTopic(name, 3, (short) 2)
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas)));
    }

    private Producer<String, String> transactionalProducer(String transactionalId) {
        var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        transactionalId,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        // A refused record fails in seconds instead of being retried for the default two minutes.
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        5000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        2000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        10000),
                new StringSerializer(),
                new StringSerializer());
        producers.add(producer);
        producer.initTransactions();
        return producer;
    }

    private static boolean fullyInSync(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .allMatch(partition ->
                        partition.isr().size() == partition.replicas().size());
    }

    private List<String> committedValues(String topic) {
        try (var consumer = consumer(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            var end = consumer.endOffsets(partitions);
            var values = new ArrayList<String>();
            await().atMost(WAIT).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return values;
        }
    }

    private Consumer<String, String> consumer(Map<String, String> settings) {
        var config = new HashMap<String, Object>(settings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
