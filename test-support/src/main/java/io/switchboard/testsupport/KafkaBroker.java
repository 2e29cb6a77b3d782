package io.switchboard.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker + controller), run as a child JVM from
 * the {@code kafka_2.13} jars on this process's classpath. No Docker needed; it can be stopped and
 * started again on the same ports and data to test what happens while the broker is away.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;

    private final KafkaNode node;
    private final int port;

    private KafkaBroker(KafkaNode node, int port) {
        this.node = node;
        this.port = port;
    }

    /** Starts a broker keeping its data in {@code directory}; formats the storage on first use. */
    public static KafkaBroker start(Path directory, int port) {
        int brokerPort = port == 0 ? KafkaNode.freePort() : port;
        var node = new KafkaNode(directory, "broker", settings(brokerPort, KafkaNode.freePort()), List.of());
        KafkaNode.format(Uuid.randomUuid().toString(), List.of(node));
        var broker = new KafkaBroker(node, brokerPort);
        broker.startProcess();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return node.isRunning();
    }

    /** Stops the broker the way an operator would (SIGTERM, controlled shutdown). */
    public synchronized void stop() {
        node.stop();
    }

    /** Starts the stopped broker again on the same ports and data. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startProcess() {
        node.start();
        KafkaReadiness.awaitBrokers(bootstrapServers(), Set.of(NODE_ID), List.of(node));
        log.info("Kafka broker ready at {} (data in {})", bootstrapServers(), node.directory());
    }

    private static List<String> settings(int port, int controllerPort) {
        return List.of(
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.cleaner.backoff.ms=1000");
    }
}
