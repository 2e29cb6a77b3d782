package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerProcesses;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Reply;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.ChildProcesses;
import io.switchboard.testsupport.KafkaBroker;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
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

    /** Twilio answers its create only after the first dialer is gone: the client must not give up before. */
    private static Process dialer(String name) {
        return DialerProcesses.start(
                broker.bootstrapServers(), twilio, logs, name, Map.of("switchboard.dialer.twilio.timeout", "5m"));
    }
}
