package io.switchboard.orchestrator.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import org.junit.jupiter.api.Test;

class OutboundRequestsTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final OutboundRequests requests =
            new OutboundRequests(Duration.ofHours(26), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whenTheIntentIsReadThenTheRequestsAssistantAndContextAreKnownUntilItIsPlacedAndAfter() {
        requests.apply(intent("r1", State.INTENDED, NOW, "renewals", Map.of("customer", "C-1")));
        requests.apply(intent("r1", State.PLACED, NOW.plusSeconds(1), "renewals", Map.of("customer", "C-1")));

        assertThat(requests.find("acme", "r1")).get().satisfies(request -> {
            assertThat(request.assistantId()).isEqualTo("renewals");
            assertThat(request.metadata()).containsEntry("customer", "C-1");
            assertThat(request.recordedAt()).as("from the first record").isEqualTo(NOW);
        });
        assertThat(requests.find("globex", "r1"))
                .as("request ids are per account")
                .isEmpty();
    }

    @Test
    void whenTheRequestIsRejectedThenItIsForgotten() {
        requests.apply(intent("r1", State.INTENDED, NOW, null, Map.of()));
        requests.apply(intent("r1", State.REJECTED, NOW, null, Map.of()));

        assertThat(requests.find("acme", "r1")).isEmpty();
    }

    @Test
    void whenARequestIsScheduledThenItIsKnownFromWhenItIsAdmittedNotFromWhenItWasScheduled() {
        Instant monthsAgo = NOW.minus(Duration.ofDays(90));
        requests.apply(intent("later", State.SCHEDULED, monthsAgo, "renewals", Map.of()));
        assertThat(requests.find("acme", "later")).as("not a call yet").isEmpty();

        requests.apply(intent("later", State.INTENDED, NOW, "renewals", Map.of()));

        assertThat(requests.find("acme", "later"))
                .get()
                .satisfies(request -> assertThat(request.recordedAt()).isEqualTo(NOW));
    }

    @Test
    void whenTheRequestIsCancelledThenItIsForgotten() {
        requests.apply(intent("r1", State.INTENDED, NOW, null, Map.of()));
        requests.apply(intent("r1", State.CANCELLED, NOW, null, Map.of()));

        assertThat(requests.find("acme", "r1")).isEmpty();
    }

    @Test
    void whenARequestIsOlderThanTheRetentionThenItIsForgottenAtTheNextSweep() {
        var later = new OutboundRequests(
                Duration.ofHours(26), Clock.fixed(NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        later.apply(intent("old", State.INTENDED, NOW.minus(Duration.ofHours(27)), null, Map.of()));
        later.apply(intent("new", State.INTENDED, NOW, null, Map.of()));
        assertThat(later.find("acme", "new")).isPresent();
        assertThat(later.find("acme", "old")).isEmpty();
    }

    @Test
    void whenTheRequestIsNotReadWithinTheWaitThenNothingIsFound() {
        var realTime = new OutboundRequests(Duration.ofHours(26), Clock.systemUTC());
        long started = System.nanoTime();

        assertThat(realTime.await("acme", "missing", Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    private static DialIntentRecorded intent(
            String requestId, State state, Instant at, String assistantId, Map<String, String> metadata) {
        return new DialIntentRecorded(
                requestId, "acme", "+14155552671", "+14155550100", state, null, null, null, at, assistantId, metadata);
    }
}
