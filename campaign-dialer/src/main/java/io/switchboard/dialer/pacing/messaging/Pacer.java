package io.switchboard.dialer.pacing.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.pacing.domain.PacedPlacement;
import io.switchboard.dialer.pacing.domain.PacingGroup;
import io.switchboard.dialer.pacing.domain.PacingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets queued requests through as their provider accounts' limits allow, on one thread that sleeps until the
 * soonest moment a group may let more through or until something changes ({@link #wake}), and dials each
 * released request on a virtual thread of its own. A revoked partition's dials in flight are waited for before
 * the partition goes to its next owner ({@link #stop(Collection)}): a dial that outlived its ownership would
 * race the new owner's reconciliation.
 */
@Component
class Pacer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Pacer.class);

    /** The longest the loop sleeps when nothing is due: a lease that ends is noticed within it. */
    private static final Duration IDLE = Duration.ofSeconds(1);

    /** Sleep when a group said something was due but let nothing through, so the loop never spins. */
    private static final Duration AT_LEAST = Duration.ofMillis(2);

    private final PacingQueue queue;
    private final PacedPlacement placement;
    private final Duration revokeWait;
    private volatile ExecutorService dials;
    private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Object ownership = new Object();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;

    Pacer(PacingQueue queue, PacedPlacement placement, DialerProperties dialer, MeterRegistry meters) {
        this.queue = queue;
        this.placement = placement;
        // A dial in flight ends within the provider's timeout, and its outcome's commit within a few seconds more.
        this.revokeWait = dialer.twilio().timeout().plusSeconds(15);
        gauge(meters, "waiting", PacingGroup.Progress::waiting);
        gauge(meters, "dialing", PacingGroup.Progress::dialing);
        gauge(meters, "placed", PacingGroup.Progress::placed);
    }

    /** Something changed (a record, a dial that ended): look again now. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Stops letting through requests of {@code partitions}, then waits for their dials in flight to end. */
    void stop(Collection<Integer> partitions) {
        synchronized (ownership) {
            queue.forget(partitions);
        }
        long deadline = System.nanoTime() + revokeWait.toNanos();
        for (int partition : partitions) {
            AtomicInteger dialing = inFlight.get(partition);
            while (dialing != null && dialing.get() > 0 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(20));
            }
            if (dialing != null && dialing.get() > 0) {
                log.warn(
                        "dialer-queue.v1 partition {} goes to its next owner with {} dials still in flight here; "
                                + "the next owner reconciles them after the provider listing delay",
                        partition,
                        dialing.get());
            }
        }
    }

    @Override
    public void start() {
        // A new one each start: a stopped context (a paused test context, say) may be started again.
        dials = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        loop = Thread.ofPlatform().name("dialer-pacer").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        dials.shutdown();
        try {
            if (!dials.awaitTermination(revokeWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Dials still in flight at shutdown; the next owner reconciles them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers stop (they stop at the default phase), after they start. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void run() {
        while (running) {
            int released = 0;
            try {
                released = releaseAll();
            } catch (RuntimeException e) {
                log.error("Pacing failed; trying again", e);
            }
            Duration wait = queue.untilNextRelease(IDLE);
            if (released == 0 && wait.compareTo(AT_LEAST) < 0) {
                wait = AT_LEAST;
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(signal, wait.toNanos());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    private int releaseAll() {
        synchronized (ownership) {
            var released = queue.release();
            for (PacingQueue.Released next : released) {
                inFlight.computeIfAbsent(next.partition(), p -> new AtomicInteger())
                        .incrementAndGet();
                dials.submit(() -> dial(next));
            }
            return released.size();
        }
    }

    private void dial(PacingQueue.Released released) {
        var release = released.release();
        var queued = release.queued();
        try (var accountId = MDC.putCloseable("accountId", queued.accountId());
                var requestId = MDC.putCloseable("requestId", queued.requestId())) {
            placement.place(release);
        } catch (RuntimeException e) {
            log.warn(
                    "Dialing request {} of account {} (attempt {}) ended without an outcome; it is reconciled with "
                            + "the provider: {}",
                    queued.requestId(),
                    queued.accountId(),
                    release.attempt(),
                    e.toString());
            release.group().abandoned(queued.accountId(), queued.requestId());
        } finally {
            inFlight.get(released.partition()).decrementAndGet();
            wake();
        }
    }

    private void gauge(
            MeterRegistry meters, String state, java.util.function.ToIntFunction<PacingGroup.Progress> count) {
        Gauge.builder(
                        "switchboard.dialer.pacing.requests",
                        queue,
                        q -> q.progress().values().stream().mapToInt(count).sum())
                .description("Requests in the provider accounts' queues this instance owns, by state")
                .tag("state", state)
                .register(meters);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
