package io.switchboard.calllog;

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
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.calllog.CallLogFixture.ThreeCalls;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.ManagementClient;
import io.switchboard.testsupport.MongoWireServer;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.SwitchboardTestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * MongoDB goes away for 90 s while calls keep arriving: the service stops being ready and its
 * partitions wait, retrying, instead of dead-lettering; when MongoDB is back every call is logged
 * completely and no dead letter was written. MongoDB keeps its data in a file, so the server that
 * comes back on the same port is the same database. A consumer group of its own, reading only new
 * records, keeps this context away from other tests' events.
 *
 * <p>Why not {@link CallLogIntegrationTest}: it stops its MongoDB on purpose, so it needs a MongoDB of its
 * own (the shared one must stay up for every other test), a group of its own and properties that make
 * writes and health checks fail fast; that is a context of its own. {@code @DirtiesContext} closes it
 * after the class, since its MongoDB is gone for good then.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.call-log.write-timeout=2s",
            "switchboard.call-log.health-timeout=1s",
            "switchboard.events.retry.max-interval=5s",
            "switchboard.events.stalls.readiness-down-after=5s",
            "spring.kafka.consumer.auto-offset-reset=latest"
        })
@AutoConfigureWebTestClient
@DirtiesContext
class CallLogMongoOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(90);
    private static final Duration TRAFFIC_EVERY = Duration.ofSeconds(15);
    private static final Path DATA = tempFile();
    private static MongoWireServer mongo = MongoWireServer.persistent(DATA, 0);
    private static final int PORT = mongo.port();
    private static final SignedEvents EVENTS = SignedEvents.onSharedBroker();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SwitchboardTestProperties.register(registry, "/switchboard/call-log-service");
        registry.add(
                "spring.mongodb.uri",
                () -> mongo.connectionString()
                        + "/call-log-outage?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000");
        registry.add("spring.kafka.consumer.group-id", () -> "call-log-outage-" + UUID.randomUUID());
    }

    @Autowired
    WebTestClient client;

    @LocalManagementPort
    int managementPort;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @AfterAll
    static void stopMongo() throws IOException {
        EVENTS.close();
        mongo.close();
        FileSystemUtils.deleteRecursively(DATA.getParent());
    }

    @Test
    void whenMongoDownForNinetySecondsUnderTrafficThenEveryCallLoggedCompletelyAndNothingDeadLettered() {
        // given a ready service that has logged calls
        var fixture = new CallLogFixture(client, EVENTS);
        awaitListening();
        String accountId = CallEvents.newAccountId();
        List<ThreeCalls> calls = new ArrayList<>();
        calls.add(fixture.publishThreeCalls(accountId));
        fixture.awaitThreeCallsLogged(calls.getFirst());
        var management = ManagementClient.on(managementPort);
        management.readiness().expectStatus().isOk();

        // when MongoDB is away for 90 s while states, recordings and charges keep arriving
        mongo.close();
        Instant back = Instant.now().plus(OUTAGE);
        while (Instant.now().isBefore(back)) {
            calls.add(fixture.publishThreeCalls(accountId));
            await().pollDelay(TRAFFIC_EVERY)
                    .atMost(TRAFFIC_EVERY.plusSeconds(1))
                    .until(() -> true);
        }
        management.readiness().expectStatus().isEqualTo(503);
        management
                .get("/actuator/stalls")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].reason")
                .isNotEmpty();
        assertThat(stalledPartitions()).isPositive();
        management.liveness().expectStatus().isOk();
        mongo = MongoWireServer.persistent(DATA, PORT);

        // then every call is logged completely, the partitions move on, and nothing was dead-lettered
        calls.forEach(fixture::awaitThreeCallsLogged);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(stalledPartitions()).isZero();
            management.readiness().expectStatus().isOk();
        });
        Set<String> callIds = new HashSet<>();
        calls.forEach(three -> callIds.addAll(List.of(three.answered(), three.busy(), three.recordedEarly())));
        assertThat(new DeadLetterTopics(bootstrapServers)
                        .withKeys(
                                List.of(Topic.CALL_STATES, Topic.PROVIDER_EVENTS, Topic.LEDGER),
                                keysOf(callIds, accountId)))
                .isEmpty();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(6);
    }

    private void awaitListening() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> listeners.getListenerContainers().stream().allMatch(c -> {
                    var assigned = c.getAssignedPartitions();
                    return assigned != null && !assigned.isEmpty();
                }));
    }

    private double stalledPartitions() {
        return meters.find("switchboard.consumer.stalled.partitions").gauges().stream()
                .mapToDouble(gauge -> gauge.value())
                .sum();
    }

    /** Ledger entries are keyed by account, the rest by call. */
    private static Set<String> keysOf(Set<String> callIds, String accountId) {
        var keys = new HashSet<>(callIds);
        keys.add(accountId);
        return keys;
    }

    private static Path tempFile() {
        try {
            return Files.createTempDirectory("call-log-outage-").resolve("call-log.mv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
