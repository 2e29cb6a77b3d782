package io.switchboard.testsupport;

import java.util.ArrayList;
import java.util.List;

/** The server.properties of {@link KafkaCluster}'s controller and brokers. */
final class KafkaClusterSettings {

    /**
     * Both roles get these: in KRaft the controller applies the topic defaults, the brokers the rest.
     * Two replicas with one in sync is what lets internal topics live through one broker's outage.
     */
    private static final List<String> SHARED = List.of(
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "num.partitions=3",
            "default.replication.factor=2",
            "min.insync.replicas=1",
            "offsets.topic.replication.factor=2",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=2",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=3",
            "share.coordinator.state.topic.replication.factor=2",
            "share.coordinator.state.topic.min.isr=1",
            "share.coordinator.state.topic.num.partitions=3",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            "log.cleaner.backoff.ms=1000",
            // A broker that dies without a controlled shutdown is fenced, and dropped from the ISRs, in
            // seconds rather than the production defaults' 9 and 30, so a test sees the outage quickly.
            "broker.heartbeat.interval.ms=500",
            "broker.session.timeout.ms=3000",
            "replica.lag.time.max.ms=5000");

    private KafkaClusterSettings() {}

    static List<String> controller(int nodeId, String address) {
        return with(
                "process.roles=controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + nodeId + "@" + address,
                "listeners=CONTROLLER://" + address);
    }

    static List<String> broker(int nodeId, String address, int controllerId, String controllerAddress) {
        return with(
                "process.roles=broker",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + controllerId + "@" + controllerAddress,
                "listeners=PLAINTEXT://" + address,
                "advertised.listeners=PLAINTEXT://" + address,
                "inter.broker.listener.name=PLAINTEXT",
                // SIGTERM moves the broker's leaderships away before it goes, as in a rolling restart.
                "controlled.shutdown.enable=true");
    }

    private static List<String> with(String... own) {
        var settings = new ArrayList<>(List.of(own));
        settings.addAll(SHARED);
        return settings;
    }
}
