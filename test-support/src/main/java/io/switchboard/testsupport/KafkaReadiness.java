package io.switchboard.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/** When {@link KafkaNode}s are ready: as clients see it, through the cluster's own broker list. */
final class KafkaReadiness {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private KafkaReadiness() {}

    /**
     * Waits until the brokers behind {@code bootstrapServers} include all of {@code brokerIds}: then they
     * are registered and unfenced. Fails at once if one of {@code nodes} exits meanwhile.
     */
    static void awaitBrokers(String bootstrapServers, Set<Integer> brokerIds, Collection<KafkaNode> nodes) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            while (Instant.now().isBefore(deadline)) {
                for (KafkaNode node : nodes) {
                    if (!node.isRunning()) {
                        throw new IllegalStateException("Kafka " + node.role() + " exited; see " + node.log());
                    }
                }
                if (liveBrokerIds(admin).containsAll(brokerIds)) {
                    return;
                }
                pause();
            }
        }
        throw new IllegalStateException("Kafka brokers " + brokerIds + " not ready in " + START_TIMEOUT + "; see "
                + nodes.stream().map(KafkaNode::log).toList());
    }

    private static Set<Integer> liveBrokerIds(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .collect(Collectors.toSet());
        } catch (Exception notYet) {
            return Set.of();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
