package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.switchboard.dialer.support.BillingSettlements;
import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerProcesses;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Received;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.ChildProcesses;
import io.switchboard.testsupport.KafkaBroker;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A campaign across the death of every dialer: two dialers in JVMs of their own run a campaign of 24 contacts, at
 * most 3 calls at once, are both killed with SIGKILL in the middle of it, and two others are started. Every contact
 * is called exactly once (the fake Twilio is asked once per number), none is lost, and no create ever came while
 * the campaign already had 3 calls whose settlement had not been sent.
 */
class CampaignFailoverIT {

    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();
    private static final int CONTACTS = 24;
    private static final int AT_ONCE = 3;
    private static final Map<String, Object> LIMITS = Map.of(
            "switchboard.dialer.pacing.calls-per-second", 10,
            "switchboard.dialer.pacing.prefix-calls-per-second", 10,
            "switchboard.dialer.pacing.concurrent-calls", 100);

    private static KafkaBroker broker;
    private static FakeTwilioServer twilio;
    private static Path logs;

    private final List<Process> dialers = new ArrayList<>();
    /** When the test sent billing's settlement of each placed request. */
    private final Map<String, Instant> settledAt = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        broker = KafkaBroker.start(Files.createTempDirectory("switchboard-campaign-failover-"), 0);
        twilio = FakeTwilioServer.start();
        logs = Files.createDirectories(Path.of("target", "campaign-failover"));
    }

    @AfterEach
    void stopDialers() {
        dialers.forEach(ChildProcesses::stop);
    }

    @AfterAll
    static void stop() {
        twilio.close();
        broker.close();
    }

    @Test
    void whenEveryDialerIsKilledInTheMiddleOfACampaignThenEachContactIsCalledOnceAndNoneIsLost() throws Exception {
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> numbers = IntStream.range(0, CONTACTS)
                .mapToObj(i -> String.format("+1415555%04d", 3000 + i))
                .toList();
        int port = freePort();
        dialer("first-a", port);
        dialer("first-b", freePort());
        String token = TestTokens.forAccount(account, Scope.CALLS_WRITE, Scope.CALLS_READ);
        // Up and ready: the dialers created the topics as they started.
        awaitStatus(port, "GET", "/api/campaigns", null, token, 200);
        try (var kafka = new SignedEvents(broker.bootstrapServers());
                var outcomes = TopicReader.bytes(broker.bootstrapServers(), Topic.CALL_OUTCOMES.topicName())) {
            CallRequests.prepareAccount(kafka, account);

            String definition = EventJson.mapper()
                    .writeValueAsString(Map.of(
                            "campaignId",
                            "failover",
                            "name",
                            "Failover",
                            "callerIds",
                            List.of(CallRequests.FROM),
                            "maxConcurrentCalls",
                            AT_ONCE,
                            "contacts",
                            numbers.stream().map(n -> Map.of("number", n)).toList()));
            assertThat(send(port, "POST", "/api/campaigns", definition, token).statusCode())
                    .isEqualTo(201);

            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        settlePlaced(kafka, outcomes);
                        return twilio.callsFor(account).size() >= CONTACTS / 3;
                    });
            dialers.forEach(dialer -> {
                try {
                    dialer.destroyForcibly().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            int before = twilio.callsFor(account).size();
            assertThat(before).as("killed in the middle").isLessThan(CONTACTS);
            dialer("second-a", freePort());
            dialer("second-b", freePort());

            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        settlePlaced(kafka, outcomes);
                        return twilio.callsFor(account).size() >= CONTACTS;
                    });
            await().during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(twilio.callsFor(account)).hasSize(CONTACTS));

            List<Received> calls = twilio.callsFor(account);
            assertThat(calls)
                    .map(call -> call.param("To"))
                    .as("every contact once")
                    .containsExactlyInAnyOrderElementsOf(numbers);
            Map<String, Instant> createdAt =
                    calls.stream().collect(Collectors.toMap(call -> call.param("To"), Received::at));
            for (Instant create : createdAt.values()) {
                long unsettled = createdAt.entrySet().stream()
                        .filter(other -> other.getValue().isBefore(create))
                        .filter(other -> {
                            Instant settled =
                                    settledAt.get("failover:" + other.getKey().substring(1));
                            return settled == null || settled.isAfter(create);
                        })
                        .count();
                assertThat(unsettled)
                        .as("calls of the campaign not yet settled when another was created at %s", create)
                        .isLessThan(AT_ONCE);
            }
        }
    }

    /** Billing's settlement of every call placed a moment ago: each frees its slot of the campaign. */
    private void settlePlaced(SignedEvents kafka, TopicReader<byte[]> outcomes) {
        Instant now = Instant.now();
        outcomes.await(record -> true, seen -> true).stream()
                .flatMap(record -> outcome(record).stream())
                .filter(outcome -> outcome.outcome() == Outcome.PLACED)
                .filter(outcome -> !settledAt.containsKey(outcome.requestId()))
                .forEach(placed -> {
                    settledAt.put(placed.requestId(), now);
                    BillingSettlements.notCharged(kafka, placed);
                });
    }

    private static java.util.Optional<CallRequestOutcome> outcome(ConsumerRecord<String, byte[]> record) {
        return KafkaRecords.verified(record, VERIFYING)
                .filter(event -> event.is(EventTypes.CALL_REQUEST_OUTCOME))
                .map(event -> event.as(EventTypes.CALL_REQUEST_OUTCOME).payload());
    }

    private void dialer(String name, int port) {
        var overrides = new HashMap<String, Object>(LIMITS);
        overrides.put("server.port", port);
        dialers.add(DialerProcesses.start(broker.bootstrapServers(), twilio, logs, name, overrides));
    }

    private static void awaitStatus(int port, String method, String path, String body, String token, int status) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> send(port, method, path, body, token).statusCode() == status);
    }

    /** One request on a connection of its own. */
    private static HttpResponse<String> send(int port, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
