package io.switchboard.dialer.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RateLimitTests {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    private static final long SECOND = 1_000_000_000L;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void whenTakenThenTheNextIsAvailableASecondAndTheAllowanceOverTheRateLater() {
        var limit = RateLimit.of(4, Duration.ofMillis(20), clock);
        assertThat(limit.available()).isTrue();

        limit.take();

        assertThat(limit.available()).isFalse();
        assertThat(limit.nanosUntilAvailable()).isEqualTo(Duration.ofMillis(255).toNanos());
        clock.advance(Duration.ofMillis(255).minusNanos(1));
        assertThat(limit.available()).isFalse();
        assertThat(limit.nanosUntilAvailable()).isEqualTo(1);
        clock.advanceNanos(1);
        assertThat(limit.available()).isTrue();
        assertThat(limit.nanosUntilAvailable()).isZero();
    }

    @Test
    void whenTakesFollowEachOtherAsSoonAsTheyMayThenTheyAreExactlyOneSpacingApart() {
        var limit = RateLimit.of(3, Duration.ofMillis(25), clock);
        List<Instant> takes = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            clock.advanceNanos(limit.nanosUntilAvailable());
            limit.take();
            takes.add(clock.instant());
        }

        long spacing = (long) Math.ceil((SECOND + Duration.ofMillis(25).toNanos()) / 3.0);
        for (int i = 1; i < takes.size(); i++) {
            assertThat(Duration.between(takes.get(i - 1), takes.get(i))).isEqualTo(Duration.ofNanos(spacing));
        }
    }

    @Test
    void whenIdleForLongThenNoBurstIsStored() {
        var limit = RateLimit.of(5, Duration.ZERO, clock);
        limit.take();

        clock.advance(Duration.ofMinutes(10));

        limit.take();
        assertThat(limit.available())
                .as("an idle second does not lend its room to the next")
                .isFalse();
    }

    @Test
    void whenTakenWithoutRoomThenRefused() {
        var limit = RateLimit.of(1, Duration.ZERO, clock);
        limit.take();

        assertThatThrownBy(limit::take).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenTheRateIsNotPositiveThenRefused() {
        for (double rate : new double[] {0, -1, Double.NaN}) {
            assertThatThrownBy(() -> RateLimit.of(rate, Duration.ZERO, clock))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("positive");
        }
    }

    /**
     * What a provider counts: no sliding second holds more calls than the rate, even when each call reaches it
     * up to the allowance late (and the next one on time).
     */
    @Property(tries = 300)
    void noSlidingSecondHoldsMoreTakesThanAWholeRateEvenWithEachTakeSeenUpToTheAllowanceLate(
            @ForAll @IntRange(min = 1, max = 50) int rate,
            @ForAll @LongRange(min = 0, max = 50_000_000) long allowanceNanos,
            @ForAll @Size(min = 1, max = 400) List<@LongRange(min = 0, max = 300_000_000) Long> steps,
            @ForAll @Size(max = 400) List<@LongRange(min = 0, max = 50_000_000) Long> lateness) {
        List<Long> takes = takeWheneverAvailable(rate, allowanceNanos, steps);

        assertSpacedApart(takes, (long) Math.ceil((SECOND + allowanceNanos) / (double) rate));
        assertThat(mostInAnyWindow(takes, SECOND)).isLessThanOrEqualTo(rate);

        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < takes.size(); i++) {
            long late = i < lateness.size() ? lateness.get(i) % (allowanceNanos + 1) : 0;
            seen.add(takes.get(i) + late);
        }
        seen.sort(null);
        assertThat(mostInAnyWindow(seen, SECOND))
                .as("seen up to %d ns late", allowanceNanos)
                .isLessThanOrEqualTo(rate);
    }

    /**
     * A rate that is no whole number is an average: 2.5/s is 5 calls in any 2 s, so one second may hold 3. No
     * window of {@code n} seconds holds more than {@code n × rate} rounded up.
     */
    @Property(tries = 300)
    void noSlidingWindowHoldsMoreTakesThanTheRateOverItRoundedUp(
            @ForAll @DoubleRange(min = 0.5, max = 50) double rate,
            @ForAll @LongRange(min = 0, max = 50_000_000) long allowanceNanos,
            @ForAll @Size(min = 1, max = 400) List<@LongRange(min = 0, max = 300_000_000) Long> steps) {
        List<Long> takes = takeWheneverAvailable(rate, allowanceNanos, steps);

        assertSpacedApart(takes, (long) Math.ceil((SECOND + allowanceNanos) / rate));
        for (int seconds = 1; seconds <= 4; seconds++) {
            assertThat(mostInAnyWindow(takes, seconds * SECOND))
                    .as("in any %d s at %.4f/s", seconds, rate)
                    .isLessThanOrEqualTo((int) Math.ceil(seconds * rate));
        }
    }

    /**
     * Moves the clock by each step (0: exactly to when the limit has room again), and takes whenever there is
     * room, checking that room and the wait agree.
     *
     * @return the instants of the takes, in nanoseconds from the start
     */
    private List<Long> takeWheneverAvailable(double rate, long allowanceNanos, List<Long> steps) {
        var clock = new MutableClock(START);
        var limit = RateLimit.of(rate, Duration.ofNanos(allowanceNanos), clock);
        List<Long> takes = new ArrayList<>();
        for (long step : steps) {
            clock.advanceNanos(step == 0 ? limit.nanosUntilAvailable() : step);
            boolean available = limit.available();
            long wait = limit.nanosUntilAvailable();
            assertThat(wait == 0)
                    .as("no wait exactly when there is room (wait %d ns)", wait)
                    .isEqualTo(available);
            if (available) {
                limit.take();
                takes.add(Duration.between(START, clock.instant()).toNanos());
            }
        }
        return takes;
    }

    private static void assertSpacedApart(List<Long> takes, long spacingNanos) {
        for (int i = 1; i < takes.size(); i++) {
            assertThat(takes.get(i) - takes.get(i - 1))
                    .as("take %d after take %d", i, i - 1)
                    .isGreaterThanOrEqualTo(spacingNanos);
        }
    }

    /** The most takes in a half-open window {@code [t, t + length)} over every window starting at a take. */
    private static int mostInAnyWindow(List<Long> sortedTakes, long length) {
        int most = 0;
        int end = 0;
        for (int start = 0; start < sortedTakes.size(); start++) {
            end = Math.max(end, start);
            while (end < sortedTakes.size() && sortedTakes.get(end) < sortedTakes.get(start) + length) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }
}
