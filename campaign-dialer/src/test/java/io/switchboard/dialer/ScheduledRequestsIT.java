package io.switchboard.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.switchboard.dialer.support.CallRequests;
import io.switchboard.dialer.support.DialerProcesses;
import io.switchboard.dialer.support.FakeTwilioServer;
import io.switchboard.dialer.support.FakeTwilioServer.Received;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.ChildProcesses;
import io.switchboard.testsupport.KafkaBroker;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/**
 * Requests due later, across the death of the dialer that held them: the dialer runs as a child JVM on a
 * broker of its own, is killed with SIGKILL around a due time, and another is started. Whatever was due
 * while no dialer ran is fired by the next one, once: the fake Twilio is asked for each call exactly once.
 */
class ScheduledRequestsIT {

    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();
    /** Occurrences a few seconds apart, and room for all of them at once at the fake Twilio account. */
    private static final Map<String, Object> FAST_SCHEDULES = Map.of(
            "switchboard.dialer.schedule.min-interval", "1s",
            "switchboard.dialer.pacing.calls-per-second", 10,
            "switchboard.dialer.pacing.prefix-calls-per-second", 10,
            "switchboard.dialer.pacing.concurrent-calls", 100);

    private static KafkaBroker broker;
    private static FakeTwilioServer twilio;
    private static Path logs;

    private final List<Process> dialers = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        broker = KafkaBroker.start(Files.createTempDirectory("switchboard-dialer-schedules-"), 0);
        twilio = FakeTwilioServer.start();
        logs = Files.createDirectories(Path.of("target", "dialer-schedules"));
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
    void whenTheDialerDiesBeforeTheDueTimeThenTheNextOneDialsTheRequestOnceAfterIt() throws Exception {
        var warmUp = CallRequests.valid().with("to", "+14155550180");
        Process first = dialer("one-off-first");
        awaitTopic(Topic.CALL_OUTCOMES.topicName());
        try (var requests = new SignedEvents(broker.bootstrapServers());
                var outcomes = TopicReader.bytes(broker.bootstrapServers(), Topic.CALL_OUTCOMES.topicName())) {
            CallRequests.prepareAccount(requests, warmUp.accountId());
            requests.sendBytes(Topic.CALL_REQUESTS, warmUp.requestId(), warmUp.json());
            // Its due time is counted from a dialer that is up, however slowly it started.
            awaitOutcome(outcomes, warmUp.requestId(), Outcome.PLACED);
            Instant notBefore = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
            var given = CallRequests.valid()
                    .with("accountId", warmUp.accountId())
                    .with("to", "+14155550181")
                    .with("notBefore", notBefore.toString());
            requests.sendBytes(Topic.CALL_REQUESTS, given.requestId(), given.json());

            CallRequestOutcome scheduled = awaitOutcome(outcomes, given.requestId(), Outcome.SCHEDULED);
            assertThat(scheduled.dueAt()).isEqualTo(notBefore);
            first.destroyForcibly().waitFor();
            assertThat(createsFor(given.requestId()))
                    .as("nothing dialed before it is due")
                    .isEmpty();

            await().atMost(Duration.ofMinutes(1)).until(() -> Instant.now().isAfter(notBefore.plusSeconds(2)));
            dialer("one-off-second");

            CallRequestOutcome placed = awaitOutcome(outcomes, given.requestId(), Outcome.PLACED);
            assertThat(placed.callId()).startsWith("CA");
            List<Received> creates = createsFor(given.requestId());
            assertThat(creates)
                    .singleElement()
                    .satisfies(create -> assertThat(create.at()).isAfterOrEqualTo(notBefore));
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(6))
                    .untilAsserted(
                            () -> assertThat(createsFor(given.requestId())).hasSize(1));
        }
    }

    @Test
    void whenARecurringRequestOutlivesItsDialerThenEveryOccurrenceIsDialedOnceAndNoneIsLost() throws Exception {
        String cron = "*/4 * * * * *";
        Instant notBefore = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = notBefore.plusSeconds(32);
        var given = CallRequests.valid()
                .with("to", "+14155550182")
                .with("notBefore", notBefore.toString())
                .with("expiresAt", expiresAt.toString())
                .with("recurrence", Map.of("cron", cron, "timeZone", "Europe/Berlin"));
        List<String> occurrences = occurrences(cron, notBefore, expiresAt, given.requestId());
        assertThat(occurrences).hasSizeBetween(7, 9);
        Process first = dialer("recurring-first");
        try (var requests = new SignedEvents(broker.bootstrapServers())) {
            CallRequests.prepareAccount(requests, given.accountId());
            requests.sendBytes(Topic.CALL_REQUESTS, given.requestId(), given.json());

            await().atMost(Duration.ofMinutes(1))
                    .until(() -> createsForSeries(given.requestId()).size() >= 2);
            first.destroyForcibly().waitFor();
            dialer("recurring-second");

            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> createsForSeries(given.requestId()).size() >= occurrences.size());
            await().during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(createsForSeries(given.requestId()))
                            .as("one create per occurrence, the missed ones fired late by the second dialer")
                            .map(ScheduledRequestsIT::requestIdOf)
                            .containsExactlyInAnyOrderElementsOf(occurrences));
        }
    }

    /** The ids of the occurrences the expression names from {@code from} (inclusive) to {@code until}. */
    private static List<String> occurrences(String cron, Instant from, Instant until, String seriesId) {
        var expression = CronExpression.parse(cron);
        List<String> ids = new ArrayList<>();
        ZonedDateTime next = expression.next(from.minusNanos(1).atZone(ZoneOffset.UTC));
        while (next != null && next.toInstant().isBefore(until)) {
            ids.add(CallRequest.occurrenceId(seriesId, next.toInstant()));
            next = expression.next(next);
        }
        return ids;
    }

    /** The first dialer creates the topics as it starts. */
    private static void awaitTopic(String topic) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.listTopics().names().get().contains(topic));
        }
    }

    private Process dialer(String name) {
        Process dialer = DialerProcesses.start(broker.bootstrapServers(), twilio, logs, name, FAST_SCHEDULES);
        dialers.add(dialer);
        return dialer;
    }

    private static CallRequestOutcome awaitOutcome(TopicReader<byte[]> outcomes, String requestId, Outcome wanted) {
        return outcomes
                .await(
                        record -> requestId.equals(record.key()),
                        seen -> seen.stream()
                                .flatMap(record -> outcome(record).stream())
                                .anyMatch(outcome -> outcome.outcome() == wanted))
                .stream()
                .flatMap(record -> outcome(record).stream())
                .filter(outcome -> outcome.outcome() == wanted)
                .findFirst()
                .orElseThrow();
    }

    private static Optional<CallRequestOutcome> outcome(ConsumerRecord<String, byte[]> record) {
        return KafkaRecords.verified(record, VERIFYING)
                .filter(event -> event.is(EventTypes.CALL_REQUEST_OUTCOME))
                .map(event -> event.as(EventTypes.CALL_REQUEST_OUTCOME).payload());
    }

    private static List<Received> createsFor(String requestId) {
        return twilio.creates().stream()
                .filter(create -> requestIdOf(create).equals(requestId))
                .toList();
    }

    private static List<Received> createsForSeries(String seriesId) {
        return twilio.creates().stream()
                .filter(create -> requestIdOf(create).startsWith(seriesId + ":"))
                .toList();
    }

    /** The voice URL ends in {@code /outbound/{requestId}/voice}. */
    private static String requestIdOf(Received create) {
        String[] parts = create.param("Url").replaceFirst("#.*$", "").split("/");
        return parts[parts.length - 2];
    }
}
