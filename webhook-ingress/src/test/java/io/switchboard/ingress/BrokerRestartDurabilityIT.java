package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.testing.StatusCallbackStream;
import io.switchboard.ingress.testing.StatusCallbackStream.Outcome;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.testsupport.KafkaBroker;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TopicSnapshot;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker restarts (stopped as an operator would, started again on the same port and data)
 * while distinct signed status callbacks keep arriving from several threads: each is answered 200
 * only once its event is stored, so every 200 is on provider-events.v1 exactly once; the ones that
 * could not be stored are answered 503 (and not retried here); nothing else is answered; and the
 * ingress recovers by itself. The broker is shared with every other IT in this JVM, so it is
 * running and the ingress accepting again when this test ends, whatever happened.
 */
class BrokerRestartDurabilityIT extends WebhookIngressITSupport {

    private static final String STATUS = "/webhooks/twilio/" + ACCOUNT + "/status";
    private static final int SENDERS = 3;
    /** Before the restart and after it: at least this long, and at least this many callbacks stored. */
    private static final Duration PHASE = Duration.ofSeconds(3);

    private static final int STORED_PER_PHASE = 20;

    private final KafkaBroker broker = SharedKafkaBroker.get();

    @Test
    void whenTheBrokerRestartsUnderLoadThenEveryCallbackAnswered200IsPublishedExactlyOnce() throws Exception {
        var snapshot = TopicSnapshot.of(broker.bootstrapServers(), List.of(Topic.PROVIDER_EVENTS.topicName()));
        var callbacks = new StatusCallbackStream(web, PUBLIC_BASE_URL + STATUS, STATUS, ACCOUNT, AUTH_TOKEN);
        long started = System.nanoTime();
        long restarting;
        long restarted;
        callbacks.start(SENDERS);
        try {
            awaitPhase(callbacks, started);
            restarting = System.nanoTime();
            broker.restart();
            restarted = System.nanoTime();
            awaitPhase(callbacks, restarted);
        } finally {
            callbacks.stop();
        }

        List<Outcome> outcomes = callbacks.outcomes();
        Map<String, Long> published = publishedEventIds(snapshot);
        System.out.printf(
                "BrokerRestartDurabilityIT: %d callbacks; before the restart 200=%d; during it (%d ms) "
                        + "200=%d 503=%d; after it 200=%d 503=%d; answered 503 but published anyway: %d%n",
                outcomes.size(),
                callbacks.count(200, started, restarting),
                Duration.ofNanos(restarted - restarting).toMillis(),
                callbacks.count(200, restarting, restarted),
                callbacks.count(503, restarting, restarted),
                callbacks.count(200, restarted),
                callbacks.count(503, restarted),
                outcomes.stream()
                        .filter(o -> o.status() == 503 && published.containsKey(o.eventId()))
                        .count());
        assertThat(outcomes)
                .as("answers other than 200 and 503")
                .filteredOn(o -> o.status() != 200 && o.status() != 503)
                .isEmpty();
        assertThat(outcomes)
                .as("answered 200 but not published")
                .filteredOn(o -> o.status() == 200 && !published.containsKey(o.eventId()))
                .isEmpty();
        assertThat(outcomes)
                .as("published more than once")
                .filteredOn(o -> published.getOrDefault(o.eventId(), 0L) > 1)
                .isEmpty();
        assertThat(callbacks.count(503, restarting))
                .as("503 once the broker went away")
                .isPositive();
    }

    /** Whatever happened above, the next IT finds the broker up and the ingress storing callbacks again. */
    @AfterEach
    void brokerRunningAndIngressAccepting() {
        if (!broker.isRunning()) {
            broker.restart();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            management().readiness().expectStatus().isOk();
            postSigned(STATUS, TwilioForms.status(TwilioForms.newCallSid()))
                    .expectStatus()
                    .isOk();
        });
    }

    private static void awaitPhase(StatusCallbackStream callbacks, long from) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        System.nanoTime() - from >= PHASE.toNanos() && callbacks.count(200, from) >= STORED_PER_PHASE);
    }

    /** How often each event id is on the topic since the snapshot, as a consumer of committed records sees it. */
    private static Map<String, Long> publishedEventIds(TopicSnapshot snapshot) {
        return snapshot.recordsSince(IsolationLevel.READ_COMMITTED).stream()
                .map(r -> KafkaRecords.cloudEvent(r).getId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
