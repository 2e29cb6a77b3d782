package io.switchboard.simulator.call.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.switchboard.simulator.call.domain.CallDirection;
import io.switchboard.simulator.call.domain.CallSpec;
import io.switchboard.simulator.call.domain.CallStatus;
import io.switchboard.simulator.call.domain.SimulatedCall;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The calls-per-second queue on a clock the test moves: no sleeping, exact times. */
class CallPacingTests {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String OTHER = "ACfeedfacefeedfacefeedfacefeedface";
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ManualTicker ticker = new ManualTicker();
    private final List<Started> started = new ArrayList<>();

    private record Started(String sid, long atNanos) {}

    @Test
    void whenManyCallsArriveAtOnceThenNoOneSecondWindowSeesMoreThanCps() {
        // given
        CallPacing pacing = pacing(3, Map.of(), Duration.ofHours(24));

        // when: 20 calls at once, then 10 more half-way through
        IntStream.range(0, 20).forEach(i -> admit(pacing, call(ACCOUNT, "CA" + i)));
        ticker.advance(2_500 * MS);
        IntStream.range(20, 30).forEach(i -> admit(pacing, call(ACCOUNT, "CA" + i)));
        ticker.advance(20_000 * MS);

        // then
        assertThat(started).hasSize(30);
        for (int i = 0; i + 3 < started.size(); i++) {
            assertThat(started.get(i + 3).atNanos() - started.get(i).atNanos())
                    .as("4 starts from #%d fit in one second", i)
                    .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(started.get(2).atNanos()).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void whenCallsAreQueuedThenTheyStartInTheOrderTheyWereCreated() {
        // given
        CallPacing pacing = pacing(1, Map.of(), Duration.ofHours(24));
        List<String> created = IntStream.range(0, 6).mapToObj(i -> "CA" + i).toList();

        // when
        created.forEach(sid -> admit(pacing, call(ACCOUNT, sid)));
        ticker.advance(10_000 * MS);

        // then
        assertThat(started).extracting(Started::sid).containsExactlyElementsOf(created);
    }

    @Test
    void whenCallsAreQueuedThenQueueTimeEstimatesWhenEachStarts() {
        // given
        CallPacing pacing = pacing(2, Map.of(), Duration.ofHours(24));

        // when
        List<Duration> waits = IntStream.range(0, 5)
                .mapToObj(i -> admit(pacing, call(ACCOUNT, "CA" + i)))
                .toList();
        ticker.advance(5_000 * MS);

        // then: 2 CPS is one call every 500 ms, and the estimates are what really happened
        assertThat(waits).extracting(Duration::toMillis).containsExactly(0L, 500L, 1000L, 1500L, 2000L);
        assertThat(started).extracting(start -> start.atNanos() / MS).containsExactly(0L, 500L, 1000L, 1500L, 2000L);
    }

    @Test
    void whenAccountHasItsOwnCpsThenOnlyItsCallsGoThatFastAndOtherAccountsDoNotWaitBehindIt() {
        // given
        CallPacing pacing = pacing(1, Map.of(OTHER, 4), Duration.ofHours(24));

        // when
        List<Duration> slow = IntStream.range(0, 3)
                .mapToObj(i -> admit(pacing, call(ACCOUNT, "CAslow" + i)))
                .toList();
        List<Duration> fast = IntStream.range(0, 3)
                .mapToObj(i -> admit(pacing, call(OTHER, "CAfast" + i)))
                .toList();

        // then
        assertThat(slow).extracting(Duration::toMillis).containsExactly(0L, 1000L, 2000L);
        assertThat(fast).extracting(Duration::toMillis).containsExactly(0L, 250L, 500L);
    }

    @Test
    void whenQueueWouldWaitLongerThanAllowedThenRefusedAndNothingIsQueued() {
        // given: 1 CPS and at most 3 s of waiting: calls waiting 0, 1, 2 and 3 s fit
        CallPacing pacing = pacing(1, Map.of(), Duration.ofSeconds(3));
        IntStream.range(0, 4).forEach(i -> admit(pacing, call(ACCOUNT, "CA" + i)));

        // when / then
        SimulatedCall refused = call(ACCOUNT, "CArefused");
        assertThatThrownBy(() -> admit(pacing, refused)).isInstanceOf(CallQueueFullException.class);
        assertThat(pacing.waiting(ACCOUNT)).isEqualTo(3);
        ticker.advance(10_000 * MS);
        assertThat(started).extracting(Started::sid).doesNotContain("CArefused").hasSize(4);
    }

    @Test
    void whenCallIsCanceledWhileQueuedThenItNeverStartsAndTakesNoSlot() {
        // given
        CallPacing pacing = pacing(1, Map.of(), Duration.ofHours(24));
        SimulatedCall first = call(ACCOUNT, "CA0");
        SimulatedCall canceled = call(ACCOUNT, "CA1");
        SimulatedCall third = call(ACCOUNT, "CA2");
        List.of(first, canceled, third).forEach(call -> admit(pacing, call));

        // when
        canceled.advance(CallStatus.CANCELED, Instant.now(), 0);
        ticker.advance(5_000 * MS);

        // then: the third call takes the canceled call's slot, one second after the first
        assertThat(started).containsExactly(new Started("CA0", 0), new Started("CA2", 1_000 * MS));
        assertThat(canceled.leftQueueAt()).isNull();
        assertThat(third.leftQueueAt()).isNotNull();
    }

    @Test
    void whenCpsIsRaisedAtRuntimeThenQueuedCallsStartFaster() {
        // given
        CallPacing pacing = pacing(1, Map.of(), Duration.ofHours(24));
        IntStream.range(0, 4).forEach(i -> admit(pacing, call(ACCOUNT, "CA" + i)));

        // when
        pacing.callsPerSecond(ACCOUNT, 10);
        ticker.advance(1_000 * MS);
        ticker.advance(1_000 * MS);

        // then: the slot already promised (1 s) stays, the rest follow 100 ms apart
        assertThat(started).extracting(start -> start.atNanos() / MS).containsExactly(0L, 1000L, 1100L, 1200L);
    }

    private CallPacing pacing(int cps, Map<String, Integer> perAccount, Duration maxQueueTime) {
        return new CallPacing(cps, perAccount, maxQueueTime, ticker);
    }

    private Duration admit(CallPacing pacing, SimulatedCall call) {
        return pacing.admit(call, () -> started.add(new Started(call.sid(), ticker.nanos())));
    }

    private static SimulatedCall call(String account, String sid) {
        CallSpec spec = new CallSpec(
                account,
                CallDirection.OUTBOUND_API,
                "+15550100000",
                "+15550100001",
                null,
                HttpMethod.POST,
                Set.of(),
                false,
                null,
                Set.of(),
                null,
                null,
                null,
                null);
        return new SimulatedCall(sid, spec, CallStatus.QUEUED, Instant.now());
    }

    /** Time stands still until the test moves it; due tasks run in time order as it passes them. */
    private static final class ManualTicker implements CallPacing.Ticker {

        private record Task(long due, long order, Runnable task) {}

        private final PriorityQueue<Task> tasks = new PriorityQueue<>(
                (a, b) -> a.due() != b.due() ? Long.compare(a.due(), b.due()) : Long.compare(a.order(), b.order()));
        private long now;
        private long scheduled;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            tasks.add(new Task(now + delayNanos, scheduled++, task));
        }

        void advance(long nanos) {
            long until = now + nanos;
            while (!tasks.isEmpty() && tasks.peek().due() <= until) {
                Task next = tasks.poll();
                now = next.due();
                next.task().run();
            }
            now = until;
        }
    }
}
