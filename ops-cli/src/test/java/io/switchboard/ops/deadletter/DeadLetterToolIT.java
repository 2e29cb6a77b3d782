package io.switchboard.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import io.switchboard.events.deadletter.DeadLetterBacklog;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.signing.InvalidSignatureException;
import io.switchboard.events.topic.Topic;
import io.switchboard.ops.OpsCommandLine;
import io.switchboard.ops.OpsCommandLine.Run;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard-ops dlt}, run in-process against the real broker, on dead letters the real
 * recoverer wrote ({@link RecoveredDeadLetters}). The ledger's dead letters are written once and
 * only read; the tests that change state (ack, refusals) use topics of their own.
 */
class DeadLetterToolIT {

    private static final String KAFKA = SharedKafkaBroker.bootstrapServers();
    private static final Topic LEDGER = Topic.LEDGER;
    private static final String LEDGER_DLT = LEDGER.deadLetterTopicName();

    private static RecoveredDeadLetters deadLetters;
    private static Instant beforeFixtures;
    private static long first;
    private static ConsumerRecord<String, CloudEvent> rejected;
    private static ConsumerRecord<String, CloudEvent> untrusted;
    private static ConsumerRecord<String, CloudEvent> unknownType;

    @BeforeAll
    static void threeLedgerRecordsWereDeadLettered() throws Exception {
        try (var admin = admin()) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = Stream.of(Topic.LEDGER, Topic.WALLETS, Topic.ACCOUNTS)
                    .flatMap(topic -> Stream.of(topic.newTopic((short) 1), topic.newDeadLetterTopic((short) 1)))
                    .filter(topic -> !existing.contains(topic.name()))
                    .toList();
            admin.createTopics(missing).all().get();
        }
        deadLetters = new RecoveredDeadLetters(KAFKA);
        beforeFixtures = Instant.now();
        first = endOffset(LEDGER_DLT);
        rejected = deadLetters.deadLettered(
                LEDGER,
                2,
                "acme",
                new RejectedEventException("event data does not match switchboard.billing.wallet-topped-up.v1"));
        untrusted = deadLetters.deadLettered(
                LEDGER, 4, "globex", new InvalidSignatureException("event is signed by untrusted key rogue-1"));
        unknownType = deadLetters.deadLettered(
                LEDGER,
                2,
                "initech",
                new RejectedEventException("event has unknown type switchboard.billing.refund.v9"));
    }

    @AfterAll
    static void close() {
        deadLetters.close();
    }

    @Test
    void whenListedThenEachDeadLetterShowsWhereItCameFromWhyAndWhatItCarries() {
        // when
        Run run = ops("dlt", "list", "--topic", LEDGER.topicName());

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(row(run, rejected))
                .containsExactly(
                        LEDGER_DLT,
                        Long.toString(first),
                        LEDGER.topicName() + "-2@" + rejected.offset(),
                        "poison",
                        "RejectedEventException",
                        "acme",
                        rejected.value().getId(),
                        "switchboard.billing.wallet-topped-up.v1");
        assertThat(row(run, untrusted))
                .containsExactly(
                        LEDGER_DLT,
                        Long.toString(first + 1),
                        LEDGER.topicName() + "-4@" + untrusted.offset(),
                        "poison",
                        "InvalidSignatureException",
                        "globex",
                        untrusted.value().getId(),
                        "switchboard.billing.wallet-topped-up.v1");
        assertThat(line(run, untrusted.value().getId())).contains("event is signed by untrusted key rogue-1");
        assertThat(run.out())
                .contains("3 dead letters; by exception: InvalidSignatureException 1, RejectedEventException 2;"
                        + " 3 unhandled (past the switchboard-dlt-operators offset)");
    }

    @Test
    void whenListedByReasonOrTimeThenOnlyTheMatchingShow() {
        // when
        Run byMessage = ops("dlt", "list", "--topic", LEDGER_DLT, "--reason", "UNTRUSTED key");
        Run byClass = ops("dlt", "list", "--topic", LEDGER_DLT, "--reason", "InvalidSignature");
        Run before =
                ops("dlt", "list", "--topic", LEDGER_DLT, "--reason", "poison", "--until", beforeFixtures.toString());

        // then
        for (Run run : List.of(byMessage, byClass)) {
            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains(untrusted.value().getId())
                    .doesNotContain(rejected.value().getId())
                    .doesNotContain(unknownType.value().getId())
                    .contains("1 dead letter; by exception: InvalidSignatureException 1");
        }
        assertThat(before.out()).contains("no dead letters");
    }

    @Test
    void whenListedAsJsonThenOneObjectPerDeadLetterAndTheSummaryOnStderr() {
        // when
        Run run = ops("dlt", "list", "--topic", "all", "--reason", "unknown type", "--json");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).singleElement().satisfies(line -> {
            JsonNode json = JsonMapper.builder().build().readTree(line);
            assertThat(json.get("dltTopic").asString()).isEqualTo(LEDGER_DLT);
            assertThat(json.get("offset").asLong()).isEqualTo(first + 2);
            assertThat(json.get("originalTopic").asString()).isEqualTo(LEDGER.topicName());
            assertThat(json.get("originalPartition").asInt()).isEqualTo(2);
            assertThat(json.get("originalOffset").asLong()).isEqualTo(unknownType.offset());
            assertThat(json.get("reason").asString()).isEqualTo("poison");
            assertThat(json.get("exceptionClass").asString()).isEqualTo(RejectedEventException.class.getName());
            assertThat(json.get("key").asString()).isEqualTo("initech");
            assertThat(json.get("ceId").asString())
                    .isEqualTo(unknownType.value().getId());
            assertThat(json.get("handled").asBoolean()).isFalse();
        });
        assertThat(run.err()).contains("1 dead letter; by exception: RejectedEventException 1");
    }

    @Test
    void whenRedrivenByOffsetThenTheRecordIsBackOnItsPartitionAsItWasWithoutDeadLetterHeaders() {
        // when
        Run run = ops("dlt", "redrive", "--topic", LEDGER_DLT, "--offsets", Long.toString(first + 1));

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("re-drove " + LEDGER_DLT + "@" + (first + 1) + " -> " + LEDGER.topicName() + "-4");
        ConsumerRecord<byte[], byte[]> redriven = redrivenFrom(
                new TopicPartition(LEDGER.topicName(), 4), untrusted.offset() + 1, LEDGER_DLT + "@" + (first + 1));
        assertThat(new String(redriven.key(), StandardCharsets.UTF_8)).isEqualTo("globex");
        assertThat(redriven.value()).isEqualTo(untrusted.value().getData().toBytes());
        var expected = new RecordHeaders(untrusted.headers().toArray());
        expected.add("switchboard_redriven-from", (LEDGER_DLT + "@" + (first + 1)).getBytes(StandardCharsets.UTF_8));
        assertThat(redriven.headers().toArray()).containsExactly(expected.toArray());
        assertThat(Arrays.stream(redriven.headers().toArray()).map(Header::key))
                .contains("ce_id", "ce_type", "ce_signature", "ce_sigkeyid")
                .noneMatch(key -> key.startsWith("kafka_dlt-") || key.startsWith("switchboard_dlt-"));
    }

    @Test
    void whenADryRunThenItSaysWhatItWouldSendAndSendsNothing() throws Exception {
        // given
        Map<TopicPartition, Long> before = endOffsets(LEDGER);

        // when
        Run byOffsets = ops(
                "dlt", "redrive", "--topic", LEDGER.topicName(), "--offsets", first + "-" + (first + 2), "--dry-run");
        Run byReason = ops("dlt", "redrive", "--topic", LEDGER.topicName(), "--reason", "untrusted", "--dry-run");

        // then
        assertThat(byOffsets.exitCode()).as(byOffsets.err()).isZero();
        assertThat(byOffsets.out())
                .contains(
                        "would re-drive " + LEDGER_DLT + "@" + first + " -> " + LEDGER.topicName()
                                + "-2 key=acme ce_id=" + rejected.value().getId(),
                        "would re-drive " + LEDGER_DLT + "@" + (first + 1) + " -> " + LEDGER.topicName()
                                + "-4 key=globex",
                        "would re-drive " + LEDGER_DLT + "@" + (first + 2) + " -> " + LEDGER.topicName()
                                + "-2 key=initech",
                        "dry run: 3 would be re-driven; nothing was sent");
        assertThat(byReason.out().lines().filter(line -> line.startsWith("would re-drive")))
                .singleElement()
                .asString()
                .contains(untrusted.value().getId());
        assertThat(endOffsets(LEDGER)).isEqualTo(before);
    }

    @Test
    void whenAckedThenTheOperatorsOffsetMovesPastTheOffsetAndTheRestStayUnhandled() throws Exception {
        // given two dead letters of the wallets topic
        String walletsDlt = Topic.WALLETS.deadLetterTopicName();
        long handledOne = endOffset(walletsDlt);
        deadLetters.deadLettered(Topic.WALLETS, 0, "acme", new RejectedEventException("balance is not a number"));
        deadLetters.deadLettered(Topic.WALLETS, 1, "globex", new RejectedEventException("balance is not a number"));

        // when the first is marked handled
        Run ack = ops("dlt", "ack", "--topic", walletsDlt, "--through-offset", Long.toString(handledOne));

        // then
        assertThat(ack.exitCode()).as(ack.err()).isZero();
        assertThat(ack.out()).contains(walletsDlt + ": handled through offset " + handledOne, "1 unhandled remain");
        assertThat(operatorsOffset(walletsDlt)).isEqualTo(handledOne + 1);
        assertThat(ops("dlt", "list", "--topic", walletsDlt).out()).contains("1 unhandled (past the");
        assertThat(ops("dlt", "redrive", "--topic", walletsDlt, "--all-unhandled", "--dry-run")
                        .out())
                .contains("would re-drive " + walletsDlt + "@" + (handledOne + 1))
                .doesNotContain(walletsDlt + "@" + handledOne + " ");

        // and an offset past the last dead letter is refused, the group offset left alone
        Run beyond = ops("dlt", "ack", "--topic", walletsDlt, "--through-offset", Long.toString(handledOne + 2));
        assertThat(beyond.exitCode()).isEqualTo(2);
        assertThat(beyond.err()).contains("refused: no dead letter at offset " + (handledOne + 2));
        assertThat(operatorsOffset(walletsDlt)).isEqualTo(handledOne + 1);
    }

    @Test
    void whenADeadLetterDoesNotSayWhereItCameFromThenRedriveIsRefusedAndNothingSent() throws Exception {
        // given dead letters written by hand: one with no original topic, one naming a topic outside the catalogue
        String accountsDlt = Topic.ACCOUNTS.deadLetterTopicName();
        long noOrigin = produce(accountsDlt, new RecordHeaders().add("ce_id", bytes("evt-1")));
        long foreign = produce(
                accountsDlt,
                new RecordHeaders().add("ce_id", bytes("evt-2")).add("kafka_dlt-original-topic", bytes("orders.v1")));
        Map<TopicPartition, Long> before = endOffsets(Topic.ACCOUNTS);

        // when
        Run run = ops("dlt", "redrive", "--topic", accountsDlt, "--offsets", noOrigin + "-" + foreign);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        accountsDlt + "@" + noOrigin
                                + " cannot be re-driven: it has no kafka_dlt-original-topic header",
                        accountsDlt + "@" + foreign
                                + " cannot be re-driven: it came from orders.v1, which is not a Switchboard topic",
                        "nothing was re-driven");
        assertThat(run.out()).doesNotContain("re-drove");
        assertThat(endOffsets(Topic.ACCOUNTS)).isEqualTo(before);
    }

    @Test
    void whenAskedForWhatIsNotThereThenRefusedWithExitCode2() {
        assertThat(ops("dlt", "list", "--topic", "orders.v1").exitCode()).isEqualTo(2);
        assertThat(ops("dlt", "redrive", "--topic", LEDGER_DLT, "--offsets", "5-2")
                        .exitCode())
                .isEqualTo(2);
        assertThat(ops("dlt", "redrive", "--topic", LEDGER_DLT).exitCode()).isEqualTo(2);
        Run gone = ops("dlt", "redrive", "--topic", LEDGER_DLT, "--offsets", Long.toString(first + 1000));
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("no dead letter at offset(s) " + (first + 1000));
    }

    @Test
    void whenKafkaCannotBeReachedThenExitCode1(@TempDir Path directory) throws Exception {
        // given a client configuration that gives up quickly, and a port nothing listens on
        Path config = Files.writeString(directory.resolve("client.properties"), """
                request.timeout.ms=1000
                default.api.timeout.ms=1500
                """);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // when
        Run run = run("dlt", "list", "--bootstrap-servers", "localhost:" + port, "--command-config", config.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("failed: ").contains("TimeoutException");
    }

    private static Run ops(String... args) {
        return OpsCommandLine.onBroker(KAFKA, args);
    }

    private static Run run(String... args) {
        return OpsCommandLine.run(args);
    }

    /** The table row of a dead letter, without its time and message. */
    private static List<String> row(Run run, ConsumerRecord<String, CloudEvent> source) {
        List<String> cells =
                new ArrayList<>(List.of(line(run, source.value().getId()).split(" +")));
        cells.remove(2);
        return cells.subList(0, 8);
    }

    private static String line(Run run, String text) {
        return run.out()
                .lines()
                .filter(line -> line.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + text + " in\n" + run.out()));
    }

    private static ConsumerRecord<byte[], byte[]> redrivenFrom(TopicPartition partition, long from, String deadLetter) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Header header = record.headers().lastHeader("switchboard_redriven-from");
                    if (header != null && new String(header.value(), StandardCharsets.UTF_8).equals(deadLetter)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }

    private static long produce(String topic, Headers headers) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, 0, null, bytes("acme"), bytes("{}"), headers))
                    .get()
                    .offset();
        }
    }

    private static long endOffset(String topic) throws Exception {
        var partition = new TopicPartition(topic, 0);
        try (var admin = admin()) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .all()
                    .get()
                    .get(partition)
                    .offset();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Topic topic) throws Exception {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        for (int partition = 0; partition < topic.partitions(); partition++) {
            request.put(new TopicPartition(topic.topicName(), partition), OffsetSpec.latest());
        }
        try (var admin = admin()) {
            var offsets = new HashMap<TopicPartition, Long>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }

    private static long operatorsOffset(String deadLetterTopic) throws Exception {
        try (var admin = admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(DeadLetterBacklog.OPERATORS_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(deadLetterTopic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
