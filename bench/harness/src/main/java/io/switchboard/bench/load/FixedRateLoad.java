package io.switchboard.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * An open-model load: requests are due at a fixed rate whatever the server does, and each answer's
 * latency counts from when its request was due, not from when it could be sent. A server that
 * stalls therefore shows its stall in every request that queued behind it (no coordinated
 * omission). A request goes out on a free keep-alive connection; when none is free another is
 * opened, up to {@code maxConnections}, and beyond that requests wait (late, and counted so).
 */
public final class FixedRateLoad {

    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final InetSocketAddress target;
    private final int maxConnections;
    private final Duration timeout;

    public FixedRateLoad(InetSocketAddress target, int maxConnections, Duration timeout) {
        this.target = target;
        this.maxConnections = maxConnections;
        this.timeout = timeout;
    }

    public LoadResult run(String label, RequestSource requests, int rate, Duration duration) {
        var outcomes = new Outcomes();
        var free = new LinkedBlockingQueue<Connection>();
        var open = new AtomicInteger();
        var mostOpen = new AtomicInteger();
        var stop = new AtomicBoolean();
        try (var loop = new ResponseLoop(outcomes, timeout.toNanos(), free::offer, lost -> open.decrementAndGet())) {
            Thread reader = Thread.ofPlatform().name("bench-answers").start(() -> loop.run(stop::get));
            var lag = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            long end = start + duration.toNanos();
            long sent = 0;
            String cutShort = null;
            for (long i = 0; ; i++) {
                long due = start + i * 1_000_000_000L / rate;
                if (due >= end) {
                    break;
                }
                sleepUntil(due);
                PreparedRequest request = requests.next();
                if (request == null) {
                    cutShort = "ran out of prepared requests";
                    break;
                }
                Connection connection = connection(free, loop, open, mostOpen, due);
                if (connection == null) {
                    cutShort = "stopped: requests could not even be sent within " + timeout.toSeconds()
                            + " s of being due (every connection busy)";
                    break;
                }
                try {
                    connection.send(request, due);
                } catch (IOException e) {
                    // The loop sees the broken connection and counts the request as failed.
                }
                sent++;
                lag.recordValue(Math.min(
                        TimeUnit.NANOSECONDS.toMicros(Math.max(System.nanoTime() - due, 0)),
                        lag.getHighestTrackableValue()));
            }
            awaitAnswers(outcomes, sent);
            stop.set(true);
            join(reader);
            return outcomes.result(label, rate, mostOpen.get(), sent, start, lag, cutShort);
        }
    }

    private Connection opened(ResponseLoop loop, AtomicInteger open, AtomicInteger mostOpen) {
        Connection connection = Connection.open(target);
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        loop.add(connection);
        return connection;
    }

    /**
     * A free connection, a new one while fewer than the most are open, or else the first to come
     * free; null once the request has waited longer than the answer timeout: the server fell so far
     * behind that the rest of the run would measure only the driver's queue.
     */
    private Connection connection(
            LinkedBlockingQueue<Connection> free,
            ResponseLoop loop,
            AtomicInteger open,
            AtomicInteger mostOpen,
            long due) {
        try {
            while (true) {
                Connection connection = free.poll();
                if (connection != null) {
                    return connection;
                }
                if (open.get() < maxConnections) {
                    return opened(loop, open, mostOpen);
                }
                if (System.nanoTime() - due > timeout.toNanos()) {
                    return null;
                }
                connection = free.poll(5, TimeUnit.MILLISECONDS);
                if (connection != null) {
                    return connection;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parks rather than spins: on two cores a spinning driver would take a core from the server. */
    private static void sleepUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    static void awaitAnswers(Outcomes outcomes, long sent) {
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (outcomes.finished() < sent && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
