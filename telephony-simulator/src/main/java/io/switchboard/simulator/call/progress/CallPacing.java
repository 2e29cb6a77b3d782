package io.switchboard.simulator.call.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.switchboard.simulator.call.domain.SimulatedCall;
import io.switchboard.simulator.config.SimulatorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Twilio's calls-per-second limit: an account's calls beyond its CPS are accepted and queued, then dialed one
 * by one, in order, at most CPS of them in any one second. A dialer's pacing is tested against exactly this,
 * so the spacing is measured from the moment the previous call actually left the queue, never from when it
 * was planned to: a late timer makes the next call later, never two calls closer.
 */
@Component
public class CallPacing {

    /** Time and timers, so the queue can be tested on a clock the test moves. */
    interface Ticker {
        long nanos();

        void schedule(Runnable task, long delayNanos);
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int defaultCallsPerSecond;
    private final Map<String, Integer> callsPerSecond = new ConcurrentHashMap<>();
    private final Duration maxQueueTime;
    private final Ticker ticker;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    @Autowired
    CallPacing(SimulatorProperties properties) {
        this(
                properties.callsPerSecond(),
                properties.accountCallsPerSecond(),
                properties.maxQueueTime(),
                reactorTicker(Schedulers.parallel()));
    }

    CallPacing(int defaultCallsPerSecond, Map<String, Integer> perAccount, Duration maxQueueTime, Ticker ticker) {
        this.defaultCallsPerSecond = defaultCallsPerSecond;
        this.callsPerSecond.putAll(perAccount);
        this.maxQueueTime = maxQueueTime;
        this.ticker = ticker;
    }

    public int callsPerSecond(String accountSid) {
        return callsPerSecond.getOrDefault(accountSid, defaultCallsPerSecond);
    }

    /** Changes an account's CPS at runtime; calls already queued are paced by the new rate from their next start. */
    public void callsPerSecond(String accountSid, int cps) {
        if (cps < 1) {
            throw new IllegalArgumentException("callsPerSecond must be at least 1");
        }
        callsPerSecond.put(accountSid, cps);
    }

    /**
     * Takes the call into its account's queue and returns the estimated wait (Twilio's {@code queue_time}); the
     * call is started at once when the account has a free slot. Calls canceled while queued are skipped and take
     * no slot.
     *
     * @throws CallQueueFullException when the call would wait longer than {@code max-queue-time}; nothing is queued
     */
    public Duration admit(SimulatedCall call, Runnable start) {
        String account = call.spec().accountSid();
        Lane lane = lanes.computeIfAbsent(account, sid -> new Lane(ticker.nanos()));
        boolean startNow;
        long waitNanos;
        synchronized (lane) {
            lane.waiting.removeIf(entry -> entry.call().state().status().terminal());
            long now = ticker.nanos();
            long interval = interval(account);
            startNow = lane.waiting.isEmpty() && now - lane.nextAllowed >= 0;
            waitNanos = startNow ? 0 : Math.max(0, lane.nextAllowed - now) + lane.waiting.size() * interval;
            Duration wait = Duration.ofNanos(waitNanos);
            if (wait.compareTo(maxQueueTime) > 0) {
                throw new CallQueueFullException(wait, maxQueueTime);
            }
            call.queuedFor(wait);
            if (startNow) {
                lane.nextAllowed = now + interval;
                call.leftQueue(Instant.now());
            } else {
                lane.waiting.addLast(new Entry(call, start));
                scheduleDrain(account, lane, now);
            }
        }
        if (startNow) {
            start.run();
        }
        return Duration.ofNanos(waitNanos);
    }

    /** How many calls of the account wait now, canceled ones not counted. */
    public int waiting(String accountSid) {
        Lane lane = lanes.get(accountSid);
        if (lane == null) {
            return 0;
        }
        synchronized (lane) {
            lane.waiting.removeIf(entry -> entry.call().state().status().terminal());
            return lane.waiting.size();
        }
    }

    /** Starts the head of the queue (skipping calls canceled meanwhile) and plans the next start one interval on. */
    private void drain(String account, Lane lane) {
        Entry next = null;
        synchronized (lane) {
            lane.drainScheduled = false;
            long now = ticker.nanos();
            if (now - lane.nextAllowed < 0) {
                scheduleDrain(account, lane, now);
                return;
            }
            while (!lane.waiting.isEmpty() && next == null) {
                Entry head = lane.waiting.pollFirst();
                if (!head.call().state().status().terminal()) {
                    next = head;
                }
            }
            if (next != null) {
                lane.nextAllowed = now + interval(account);
                next.call().leftQueue(Instant.now());
            }
            if (!lane.waiting.isEmpty()) {
                scheduleDrain(account, lane, now);
            }
        }
        if (next != null) {
            next.start().run();
        }
    }

    private void scheduleDrain(String account, Lane lane, long now) {
        if (!lane.drainScheduled) {
            lane.drainScheduled = true;
            ticker.schedule(() -> drain(account, lane), Math.max(0, lane.nextAllowed - now));
        }
    }

    /** Rounded up, so that CPS starts never fit into one second (3 CPS: 334 ms apart, not 333). */
    private long interval(String account) {
        return Math.ceilDiv(SECOND, callsPerSecond(account));
    }

    private static Ticker reactorTicker(Scheduler scheduler) {
        return new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void schedule(Runnable task, long delayNanos) {
                scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    private record Entry(SimulatedCall call, Runnable start) {}

    /** One account's queue; nextAllowed is the earliest moment the next call may start. */
    private static final class Lane {
        private final ArrayDeque<Entry> waiting = new ArrayDeque<>();
        private long nextAllowed;
        private boolean drainScheduled;

        private Lane(long now) {
            this.nextAllowed = now;
        }
    }
}
