package io.switchboard.dialer.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.dialer.pacing.config.PacingProperties;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.request.CallRequest;
import org.junit.jupiter.api.Test;

class PacingQueueTests {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final PacingProperties.Backoff BACKOFF =
            new PacingProperties.Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void whenAPartitionIsLoadedThenItsGroupsAreBuiltFromItsRecordsInOrder() {
        var queue = queue(Map.of());
        QueuedCallRecorded placed = queued("r1", "AC1", "+14155550101");

        queue.load(
                0,
                List.of(
                        placed,
                        queued("r2", "AC1", "+14155550102"),
                        placed.dialing(1, T0),
                        placed.placed(1, "CA1", T0.plusSeconds(600), T0),
                        queued("r3", "AC2", "+14155550103")));

        assertThat(queue.owns(0)).isTrue();
        assertThat(queue.owns(1)).isFalse();
        assertThat(queue.progress())
                .containsOnly(
                        Map.entry("twilio/AC1", new PacingGroup.Progress(1, 0, 1)),
                        Map.entry("twilio/AC2", new PacingGroup.Progress(1, 0, 0)));
    }

    @Test
    void whenARecordIsOfAnOwnedPartitionThenItIsAppliedAndOfAnotherThenLeftToItsOwner() {
        var queue = queue(Map.of());
        queue.load(0, List.of());
        queue.load(1, List.of());

        queue.apply(0, queued("r1", "AC1", "+14155550101"));
        queue.apply(1, queued("r2", "AC2", "+14155550102"));
        queue.apply(2, queued("r3", "AC3", "+14155550103"));

        assertThat(queue.progress()).containsOnlyKeys("twilio/AC1", "twilio/AC2");
        assertThat(queue.release())
                .extracting(
                        PacingQueue.Released::partition,
                        released -> released.release().queued().requestId())
                .containsExactlyInAnyOrder(tuple(0, "r1"), tuple(1, "r2"));
    }

    @Test
    void whenAPartitionIsRevokedThenItsGroupsAreForgottenAndLoadingAgainStartsFromItsRecords() {
        var queue = queue(Map.of());
        queue.load(0, List.of(queued("r1", "AC1", "+14155550101")));
        queue.load(1, List.of(queued("r2", "AC2", "+14155550102")));

        queue.forget(List.of(0));

        assertThat(queue.owns(0)).isFalse();
        assertThat(queue.progress()).containsOnlyKeys("twilio/AC2");
        queue.apply(0, queued("r3", "AC1", "+14155550103"));
        assertThat(queue.progress()).containsOnlyKeys("twilio/AC2");

        queue.load(1, List.of(queued("r4", "AC4", "+14155550104")));
        assertThat(queue.progress()).as("a reload replaces what was known").containsOnlyKeys("twilio/AC4");
    }

    @Test
    void whenAProviderAccountHasItsOwnLimitsThenOnlyItsGroupHasThem() {
        var queue = queue(Map.of("AC1", new PacingProperties.ProviderAccount(100.0, 2, null)));
        queue.load(
                0,
                List.of(
                        queued("a1", "AC1", "+14155550101"),
                        queued("a2", "AC1", "+12125550102"),
                        queued("a3", "AC1", "+13125550103"),
                        queued("b1", "AC2", "+14155550104"),
                        queued("b2", "AC2", "+12125550105")));

        List<PacingQueue.Released> first = queue.release();
        assertThat(first)
                .extracting(released -> released.release().group().limits())
                .containsExactlyInAnyOrder(
                        new PacingLimits(100.0, 2, 3.0, Duration.ofMillis(25)),
                        new PacingLimits(1.0, 10, 3.0, Duration.ofMillis(25)));

        clock.advance(Duration.ofMillis(50));
        assertThat(requestIds(queue.release()))
                .as("AC1 at its own rate; AC2 at the default")
                .containsExactly("a2");
        clock.advance(Duration.ofMillis(50));
        assertThat(requestIds(queue.release()))
                .as("AC1 at its own two concurrent calls")
                .isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(requestIds(queue.release())).containsExactly("b2");
    }

    @Test
    void whenGroupsWaitThenTheSoonestReleaseOfAnyIsTheQueuesAndNeverLaterThanAsked() {
        var queue = queue(Map.of());
        assertThat(queue.untilNextRelease(Duration.ofSeconds(1)))
                .as("nothing owned")
                .isEqualTo(Duration.ofSeconds(1));
        queue.load(0, List.of(queued("r1", "AC1", "+14155550101"), queued("r2", "AC1", "+14155550102")));
        queue.load(1, List.of(queued("r3", "AC2", "+14155550103")));
        assertThat(queue.untilNextRelease(Duration.ofSeconds(1))).isZero();

        queue.release();

        assertThat(queue.untilNextRelease(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(1025));
        assertThat(queue.untilNextRelease(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
    }

    private PacingQueue queue(Map<String, PacingProperties.ProviderAccount> accounts) {
        return new PacingQueue(
                new PacingProperties(1, 10, 3, Duration.ofMillis(25), Duration.ofMinutes(5), BACKOFF, accounts), clock);
    }

    private static List<String> requestIds(List<PacingQueue.Released> released) {
        return released.stream()
                .map(next -> next.release().queued().requestId())
                .toList();
    }

    private static QueuedCallRecorded queued(String requestId, String providerAccountId, String to) {
        var request = new CallRequest(requestId, "acme", to, "+14155550123", "sales", Map.of());
        return QueuedCallRecorded.queued(request, QueuedCallRecorded.groupOf("twilio", providerAccountId), T0, 60, T0);
    }
}
