package io.switchboard.bench.load;

import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One run against one endpoint.
 *
 * @param label            what was run, e.g. {@code 2500/s} or {@code saturation}
 * @param offeredRate      the fixed rate offered (requests/s), 0 for a closed-loop saturation run
 * @param connections      connections used (the most opened, for a fixed-rate run)
 * @param sent             requests sent
 * @param byStatus         answers by HTTP status
 * @param ioErrors         requests whose connection broke before the answer
 * @param timeouts         requests not answered within the driver's timeout
 * @param elapsedNanos     from the first request's start to the last answer
 * @param latencyMicros    answer latency; from the intended send time in a fixed-rate run
 * @param sendLagMicros    fixed-rate runs: how late the driver sent each request (null in saturation runs)
 * @param acceptedEventIds the event ids of the requests answered 2xx
 * @param cutShort         why the run ended before its time was over, null when it did not
 */
public record LoadResult(
        String label,
        int offeredRate,
        int connections,
        long sent,
        Map<Integer, Long> byStatus,
        long ioErrors,
        long timeouts,
        long elapsedNanos,
        Histogram latencyMicros,
        Histogram sendLagMicros,
        List<String> acceptedEventIds,
        String cutShort) {

    public long answered() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long accepted() {
        return acceptedEventIds.size();
    }

    /** Requests answered 2xx per second, over the run's duration. */
    public double acceptedPerSecond() {
        return accepted() * 1e9 / elapsedNanos;
    }

    /** Everything not answered 2xx: other statuses, broken connections, timeouts. */
    public long errors() {
        return sent - accepted();
    }

    public double latencyMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxLatencyMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }
}
