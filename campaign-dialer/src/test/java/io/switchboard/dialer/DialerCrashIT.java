package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Reply;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.ChildProcesses;
import io.switchboard.testsupport.KafkaBroker;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestEventKeys;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dialer's process killed with SIGKILL after Twilio created a call and before the dialer committed
 * what became of the request: no shutdown hook, no rollback, nothing but what Kafka had committed.
 * Restarted, it must adopt that call and publish its CallPlaced, and never ask Twilio for a second one.
 * The dialer runs as a child JVM on a broker of its own, so that nothing else consumes its groups.
 */
class DialerCrashIT {

    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();

    private static KafkaBroker broker;
    private static FakeTwilioServer twilio;
    private static Path logs;

    @BeforeAll
    static void start() throws IOException {
        broker = KafkaBroker.start(Files.createTempDirectory("switchboard-dialer-crash-"), 0);
        twilio = FakeTwilioServer.start();
        logs = Files.createDirectories(Path.of("target", "dialer-crash"));
    }

    @AfterAll
    static void stop() {
        twilio.close();
        broker.close();
    }

    @Test
    void whenKilledBetweenTheProvidersAnswerAndTheCommitThenTheRestartAdoptsTheCallAndDialsNoOther() throws Exception {
        var given = CallRequests.valid().with("to", "+14155550177");
        // Twilio creates the call at once but answers only after the dialer is gone.
        twilio.script("+14155550177", Reply.createdThenLate(Duration.ofMinutes(2)));
        Process first = dialer("first");
        try (var requests = new SignedEvents(broker.bootstrapServers())) {
            CallRequests.prepareAccount(requests, given.accountId());
            requests.sendBytes(Topic.CALL_REQUESTS, given.requestId(), given.json());

            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !twilio.creates().isEmpty());
            first.destroyForcibly().waitFor();
        } finally {
            first.destroyForcibly();
        }

        Process second = dialer("second");
        try (var events = TopicReader.bytes(broker.bootstrapServers(), Topic.PROVIDER_EVENTS.topicName())) {
            CallPlaced placed = events
                    .await(
                            record -> placed(record)
                                    .filter(p -> p.requestId().equals(given.requestId()))
                                    .isPresent(),
                            matched -> !matched.isEmpty())
                    .stream()
                    .flatMap(record -> placed(record).stream())
                    .findFirst()
                    .orElseThrow();

            assertThat(twilio.creates())
                    .as("Twilio was asked for the call once")
                    .hasSize(1);
            assertThat(twilio.calls())
                    .singleElement()
                    .satisfies(call -> assertThat(call.sid()).isEqualTo(placed.callId()));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(twilio.creates()).hasSize(1));
        } finally {
            ChildProcesses.stop(second);
        }
    }

    private static Optional<CallPlaced> placed(ConsumerRecord<String, byte[]> record) {
        return KafkaRecords.verified(record, VERIFYING)
                .filter(event -> event.is(EventTypes.CALL_PLACED))
                .map(event -> event.as(EventTypes.CALL_PLACED).payload());
    }

    /** The dialer as it runs in production, in a JVM of its own, configured as a deployment would. */
    private static Process dialer(String name) {
        var properties = new LinkedHashMap<String, Object>(TestEventKeys.properties("/switchboard/campaign-dialer"));
        properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        // A killed member's partitions move once its session times out: seconds, not the default 45.
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", 6000);
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("logging.structured.format.console", "");
        properties.put("switchboard.dialer.ingress-base-url", "https://ingress.example.com");
        properties.put("switchboard.dialer.provider-listing-delay", "1s");
        properties.put(
                "switchboard.dialer.twilio.api-base-url", twilio.baseUrl().toString());
        // Its API takes bearer tokens: the test issuer's settings, as every service under test gets them.
        properties.putAll(TestTokens.properties());
        properties.put("switchboard.secrets.active-key-id", TestSecrets.KEY_ID);
        properties.put("switchboard.secrets.keys." + TestSecrets.KEY_ID, TestSecrets.key());
        properties.put("switchboard.dialer.twilio.timeout", "5m");
        properties.put("switchboard.dialer.intake.publishers.internal.principal", "User:ANONYMOUS");
        properties.put("switchboard.dialer.intake.publishers.internal.topic", Topic.Names.CALL_REQUESTS);
        properties.put("switchboard.dialer.intake.publishers.internal.accounts", List.of("*"));
        properties.put("switchboard.dialer.intake.verify-acls", false);
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CampaignDialerApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("SPRING_APPLICATION_JSON", EventJson.mapper().writeValueAsString(properties));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
