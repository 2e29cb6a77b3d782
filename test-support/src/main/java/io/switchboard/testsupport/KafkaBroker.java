package io.switchboard.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
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
    private final int authenticatedPort;
    private final Map<String, String> passwords;

    private KafkaBroker(KafkaNode node, int port, int authenticatedPort, Map<String, String> passwords) {
        this.node = node;
        this.port = port;
        this.authenticatedPort = authenticatedPort;
        this.passwords = passwords;
    }

    /** Starts a broker keeping its data in {@code directory}; formats the storage on first use. */
    public static KafkaBroker start(Path directory, int port) {
        int brokerPort = port == 0 ? KafkaNode.freePort() : port;
        var node =
                new KafkaNode(directory, "broker", settings(brokerPort, KafkaNode.freePort(), 0, List.of()), List.of());
        KafkaNode.format(Uuid.randomUuid().toString(), List.of(node));
        var broker = new KafkaBroker(node, brokerPort, 0, Map.of());
        broker.startProcess();
        return broker;
    }

    /**
     * A broker that authorizes by ACLs, as a production cluster does: {@code users} (name to password)
     * sign in with SASL/PLAIN on {@link #authenticatedBootstrapServers()} and may do only what ACLs grant
     * {@code User:<name>}. The plain listener of {@link #bootstrapServers()} stays open as a super user,
     * for the test itself and the services under test.
     */
    public static KafkaBroker startAuthorizing(Path directory, Map<String, String> users) {
        int brokerPort = KafkaNode.freePort();
        int authenticatedPort = KafkaNode.freePort();
        String logins = users.entrySet().stream()
                .map(user -> "user_" + user.getKey() + "=\"" + user.getValue() + "\"")
                .collect(Collectors.joining(" "));
        var authorizing = List.of(
                "sasl.enabled.mechanisms=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required " + logins + ";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // The controller listener and the plain one carry no identity: they are the cluster's own.
                "super.users=User:ANONYMOUS");
        var node = new KafkaNode(
                directory,
                "broker",
                settings(brokerPort, KafkaNode.freePort(), authenticatedPort, authorizing),
                List.of());
        KafkaNode.format(Uuid.randomUuid().toString(), List.of(node));
        var broker = new KafkaBroker(node, brokerPort, authenticatedPort, Map.copyOf(users));
        broker.startProcess();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL listener of {@link #startAuthorizing}. */
    public String authenticatedBootstrapServers() {
        if (authenticatedPort == 0) {
            throw new IllegalStateException("This broker authenticates no one: start it with startAuthorizing");
        }
        return "127.0.0.1:" + authenticatedPort;
    }

    /** Client properties that sign in as {@code user} on the SASL listener. */
    public Map<String, Object> clientPropertiesFor(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No user " + user + " on this broker");
        }
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                authenticatedBootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM,
                "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
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

    private static List<String> settings(int port, int controllerPort, int authenticatedPort, List<String> extra) {
        String listeners = "PLAINTEXT://127.0.0.1:" + port;
        if (authenticatedPort != 0) {
            listeners += ",SASL_PLAINTEXT://127.0.0.1:" + authenticatedPort;
        }
        var settings = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@127.0.0.1:" + controllerPort,
                "listeners=" + listeners + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + listeners,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
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
                "log.cleaner.backoff.ms=1000"));
        settings.addAll(extra);
        return settings;
    }
}
