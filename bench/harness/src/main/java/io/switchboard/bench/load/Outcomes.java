package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * What came back during one run: latency of every answer (microseconds), answers by status, the
 * event ids of the requests answered 2xx, and requests that got no answer. Written by the reading
 * thread only; {@link #finished()} is read by the sender to know when everything came back.
 */
final class Outcomes {

    /** Up to a minute, three significant digits. */
    private final Histogram latencyMicros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final List<String> acceptedEventIds = new ArrayList<>();
    private final AtomicLong finished = new AtomicLong();
    private long ioErrors;
    private long timeouts;
    private long lastAnswerAt;

    void answered(int status, PreparedRequest request, long startedAt, long now) {
        latencyMicros.recordValue(
                Math.min(TimeUnit.NANOSECONDS.toMicros(now - startedAt), latencyMicros.getHighestTrackableValue()));
        byStatus.merge(status, 1L, Long::sum);
        if (status / 100 == 2) {
            acceptedEventIds.add(request.eventId());
        }
        lastAnswerAt = now;
        finished.incrementAndGet();
    }

    void failed() {
        ioErrors++;
        finished.incrementAndGet();
    }

    void timedOut() {
        timeouts++;
        finished.incrementAndGet();
    }

    long finished() {
        return finished.get();
    }

    LoadResult result(
            String label,
            int offeredRate,
            int connections,
            long sent,
            long startedAt,
            Histogram sendLagMicros,
            String cutShort) {
        long elapsed = Math.max(lastAnswerAt - startedAt, 1);
        return new LoadResult(
                label,
                offeredRate,
                connections,
                sent,
                Map.copyOf(byStatus),
                ioErrors,
                timeouts,
                elapsed,
                latencyMicros.copy(),
                sendLagMicros,
                List.copyOf(acceptedEventIds),
                cutShort);
    }
}
