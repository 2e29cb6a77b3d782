package io.switchboard.billing;

import static io.switchboard.billing.CallSnapshots.completed;
import static io.switchboard.billing.CallSnapshots.newAccountId;
import static io.switchboard.billing.CallSnapshots.newCallId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.KafkaCluster;
import io.switchboard.testsupport.ManagementClient;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * The ledger refuses writes for 60 s while completed calls arrive: one KRaft controller and two
 * brokers, ledger.v1 with two replicas that must both acknowledge, one broker stopped. Billing's
 * partition waits and retries instead of dead-lettering; when the broker is back, every call is
 * debited exactly once and no dead letter was written. Only ledger.v1 refuses writes: the other
 * topics, the transaction log and the offsets topic need one replica in sync (billing's producer
 * still waits, since an aborted transaction's markers must reach the ledger too).
 *
 * <p>Why not {@link BillingIntegrationTest}: it breaks its broker on purpose, so it runs on a cluster of
 * its own (the shared broker has one node and must stay up for every other test), with properties that
 * make publishing fail fast; that is a context of its own. {@code @DirtiesContext} closes it with the
 * cluster, whose data (a stuck broker logs a lot) is deleted afterwards.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.events.topic-replicas=2",
            "switchboard.events.publish-timeout=3s",
            "switchboard.events.retry.max-interval=5s",
            "switchboard.events.stalls.readiness-down-after=5s",
            "spring.kafka.producer.properties.delivery.timeout.ms=5000",
            "spring.kafka.producer.properties.request.timeout.ms=2000"
        })
@AutoConfigureWebTestClient
@DirtiesContext
class LedgerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration CALL_EVERY = Duration.ofSeconds(6);
    private static final int STOPPED_BROKER = 1;
    private static final Path DATA = tempDirectory();
    private static final KafkaCluster CLUSTER = startCluster();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/billing-service", CLUSTER::bootstrapServers);
    }

    @Autowired
    private WebTestClient web;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private MeterRegistry meters;

    @AfterAll
    static void stopCluster() throws IOException {
        CLUSTER.close();
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void whenLedgerRefusesWritesForSixtySecondsThenEveryCallDebitedOnceAndNothingDeadLettered() {
        try (var billing = new BillingTopics(CLUSTER.bootstrapServers())) {
            // given an account with 10.00 and one call already charged
            var wallets = new WalletApi(
                    web.mutate().responseTimeout(Duration.ofSeconds(30)).build());
            String account = newAccountId();
            wallets.topUp(account, "t-1", "10.00").expectStatus().isOk();
            List<String> calls = new ArrayList<>(List.of(newCallId()));
            billing.publish(completed(account, calls.getFirst(), 60));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> billing.charges(account).size() == 1);

            // when the ledger cannot take writes for 60 s while completed calls keep arriving
            CLUSTER.stopBroker(STOPPED_BROKER);
            Instant back = Instant.now().plus(OUTAGE);
            while (Instant.now().isBefore(back)) {
                String callId = newCallId();
                calls.add(callId);
                billing.publish(completed(account, callId, 60));
                await().pollDelay(CALL_EVERY).atMost(CALL_EVERY.plusSeconds(1)).until(() -> true);
            }
            assertThat(billing.charges(account)).hasSize(1);
            assertThat(stalledPartitions()).isPositive();
            ManagementClient.on(managementPort).readiness().expectStatus().isEqualTo(503);
            CLUSTER.startBroker(STOPPED_BROKER);

            // then every call is charged exactly once, the wallet agrees, and no dead letter was written
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> billing.charges(account).size() >= calls.size());
            List<CallCharged> charges = billing.charges(account);
            assertThat(charges).extracting(CallCharged::callId).containsExactlyInAnyOrderElementsOf(calls);
            String expected = String.format("%.2f", 10.00 - 0.05 * calls.size());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> wallets.balance(account)
                            .expectBody()
                            .jsonPath("$.balance")
                            .isEqualTo(expected));
            assertThat(billing.walletUpdates(account).getLast().balance()).isEqualByComparingTo(expected);
            Set<String> keys = new HashSet<>(calls);
            calls.forEach(callId -> keys.add(BillingTopics.keyOf(completed(account, callId, 60))));
            keys.add(account);
            assertThat(new DeadLetterTopics(CLUSTER.bootstrapServers()).withKeys(List.of(Topic.CALL_STATES), keys))
                    .isEmpty();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(stalledPartitions()).isZero());
            assertThat(calls).hasSizeGreaterThanOrEqualTo(8);
        }
    }

    private double stalledPartitions() {
        return meters.find("switchboard.consumer.stalled.partitions").gauges().stream()
                .mapToDouble(gauge -> gauge.value())
                .sum();
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("ledger-outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue's topics on two replicas, ledger.v1 needing both in sync, before billing starts. */
    private static KafkaCluster startCluster() {
        KafkaCluster cluster = KafkaCluster.start(DATA, 2);
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            var topics = new ArrayList<NewTopic>();
            for (Topic topic : Topic.values()) {
                NewTopic newTopic = topic.newTopic((short) 2);
                if (topic == Topic.LEDGER) {
                    var configs = new java.util.HashMap<>(newTopic.configs());
                    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
                    newTopic.configs(configs);
                }
                topics.add(newTopic);
                topics.add(topic.newDeadLetterTopic((short) 2));
            }
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            cluster.close();
            throw new IllegalStateException("could not create the catalogue's topics", e);
        }
        return cluster;
    }
}
