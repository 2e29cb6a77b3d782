package io.switchboard.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small real Kafka cluster for outage tests: one KRaft controller and several brokers, each a child
 * JVM like {@link KafkaBroker}. Internal topics have two replicas and need one in sync, so
 * transactions and consumer groups carry on while any one broker is down. Brokers are numbered from
 * 0, and broker {@code index} has node id {@code index}.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    /** Three JVMs start at once on a small machine: the JIT's first tier alone starts them seconds sooner. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private final KafkaNode controller;
    private final List<KafkaNode> brokers;
    private final String bootstrapServers;

    private KafkaCluster(KafkaNode controller, List<KafkaNode> brokers, String bootstrapServers) {
        this.controller = controller;
        this.brokers = brokers;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a controller and {@code brokers} brokers keeping their data under {@code directory}. */
    public static KafkaCluster start(Path directory, int brokers) {
        if (brokers < 2) {
            throw new IllegalArgumentException("Surviving a broker outage takes 2 brokers or more, not " + brokers);
        }
        long started = System.nanoTime();
        int controllerId = brokers;
        String controllerAddress = "127.0.0.1:" + KafkaNode.freePort();
        var controller = new KafkaNode(
                directory.resolve("controller"),
                "controller",
                KafkaClusterSettings.controller(controllerId, controllerAddress),
                JVM_OPTIONS);
        var brokerNodes = new ArrayList<KafkaNode>();
        var addresses = new ArrayList<String>();
        for (int id = 0; id < brokers; id++) {
            String address = "127.0.0.1:" + KafkaNode.freePort();
            addresses.add(address);
            brokerNodes.add(new KafkaNode(
                    directory.resolve("broker-" + id),
                    "broker",
                    KafkaClusterSettings.broker(id, address, controllerId, controllerAddress),
                    JVM_OPTIONS));
        }
        var cluster = new KafkaCluster(controller, List.copyOf(brokerNodes), String.join(",", addresses));
        try {
            cluster.startAll(Uuid.randomUuid().toString());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        log.info(
                "Kafka cluster of {} brokers ready at {} in {} ms (data in {})",
                brokers,
                cluster.bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                directory);
        return cluster;
    }

    /** Every broker's address, so a client finds the cluster whichever broker is down. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops one broker the way an operator would (SIGTERM, controlled shutdown). */
    public synchronized void stopBroker(int index) {
        brokers.get(index).stop();
    }

    /** Starts a stopped broker again on its ports and data; returns once it is registered and unfenced. */
    public synchronized void startBroker(int index) {
        KafkaNode broker = brokers.get(index);
        if (!broker.isRunning()) {
            broker.start();
        }
        awaitRunningBrokers();
    }

    public synchronized boolean isRunning(int index) {
        return brokers.get(index).isRunning();
    }

    /** Brokers first: their controlled shutdown needs the controller. */
    @Override
    public synchronized void close() {
        brokers.forEach(KafkaNode::stop);
        controller.stop();
    }

    private void startAll(String clusterId) {
        var nodes = new ArrayList<>(brokers);
        nodes.add(controller);
        KafkaNode.format(clusterId, nodes);
        controller.start();
        brokers.forEach(KafkaNode::start);
        awaitRunningBrokers();
        createInternalTopics();
    }

    private void awaitRunningBrokers() {
        Set<Integer> running = IntStream.range(0, brokers.size())
                .filter(this::isRunning)
                .boxed()
                .collect(Collectors.toSet());
        var nodes =
                new ArrayList<>(brokers.stream().filter(KafkaNode::isRunning).toList());
        nodes.add(controller);
        KafkaReadiness.awaitBrokers(bootstrapServers, running, nodes);
    }

    /**
     * Brokers create the offsets and transaction topics on first use, and cannot with two replicas
     * while a broker is down: a group or transactional id first used during an outage would never
     * find its coordinator. Looking one up now creates them while every broker is up.
     */
    private void createInternalTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.listConsumerGroupOffsets("switchboard-warm-up")
                    .partitionsToOffsetAndMetadata()
                    .get();
            try {
                admin.describeTransactions(List.of("switchboard-warm-up")).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka cluster could not create its internal topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
