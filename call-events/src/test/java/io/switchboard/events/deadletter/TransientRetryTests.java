package io.switchboard.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class TransientRetryTests {

    private final AtomicBoolean parked = new AtomicBoolean();

    @Test
    void whenARecordKeepsFailingThenEachPauseGrowsByTheMultiplierUpToTheCap() {
        // given the default policy
        BackOffExecution execution =
                backOff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30)).start();

        // when
        long[] pauses = next(execution, 9);

        // then
        assertThat(pauses).containsExactly(500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000);
    }

    @Test
    void whenTheMultiplierIsFractionalThenThePausesStillGrowFromTheSmallestInterval() {
        // given the smallest initial interval the policy accepts, and a gentle multiplier
        BackOffExecution execution =
                backOff(Duration.ofMillis(1), 1.5, Duration.ofMillis(10)).start();

        // when
        long[] pauses = next(execution, 8);

        // then 1, 1.5, 2.25, 3.4, 5.1, 7.6, 11.4 -> capped, each truncated to whole milliseconds
        assertThat(pauses).containsExactly(1, 1, 2, 3, 5, 7, 10, 10);
    }

    @Test
    void whenTheMultiplierIsOneThenEveryPauseIsTheInitialInterval() {
        // given
        BackOffExecution execution =
                backOff(Duration.ofMillis(250), 1.0, Duration.ofSeconds(30)).start();

        // when
        long[] pauses = next(execution, 5);

        // then
        assertThat(pauses).containsOnly(250);
    }

    @Test
    void whenNotParkedThenItNeverStops() {
        // given
        BackOffExecution execution =
                backOff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30)).start();

        // when a record fails for a very long time
        long[] pauses = next(execution, 100_000);

        // then
        assertThat(pauses).doesNotContain(BackOffExecution.STOP);
        assertThat(pauses[pauses.length - 1]).isEqualTo(30_000);
    }

    @Test
    void whenAHugeMultiplierOverflowsThenThePauseStaysAtTheCap() {
        // given
        BackOffExecution execution =
                backOff(Duration.ofMillis(500), 1e300, Duration.ofSeconds(30)).start();

        // when
        long[] pauses = next(execution, 10);

        // then
        assertThat(LongStream.of(pauses).skip(1)).containsOnly(30_000L);
    }

    @Test
    void whenTheRecordIsParkedThenTheNextPauseIsStop() {
        // given a record that has been retried a while
        BackOffExecution execution =
                backOff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30)).start();
        next(execution, 3);

        // when an operator parks it
        parked.set(true);

        // then
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void whenParkedBeforeTheFirstRetryThenItStopsAtOnce() {
        // given
        parked.set(true);

        // when
        long first = backOff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30))
                .start()
                .nextBackOff();

        // then
        assertThat(first).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void whenStartedAgainThenTheNewExecutionBeginsAtTheInitialInterval() {
        // given a record that failed long enough to reach the cap
        BackOff backOff = backOff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30));
        next(backOff.start(), 10);

        // when the next failing record starts its own retries
        long first = backOff.start().nextBackOff();

        // then
        assertThat(first).isEqualTo(500);
    }

    private BackOff backOff(Duration initial, double multiplier, Duration max) {
        return new RetryPolicy(initial, multiplier, max).backOff(parked::get);
    }

    private static long[] next(BackOffExecution execution, int count) {
        long[] pauses = new long[count];
        for (int i = 0; i < count; i++) {
            pauses[i] = execution.nextBackOff();
        }
        return pauses;
    }
}
