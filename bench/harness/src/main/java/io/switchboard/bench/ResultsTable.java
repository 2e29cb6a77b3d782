package io.switchboard.bench;

import java.util.List;
import java.util.Optional;

import io.switchboard.bench.load.LoadResult;

/**
 * The run's results as Markdown, ready to paste into docs/benchmarks.md: every measured run, the
 * ingress as a ratio of the bare endpoint, and the targets each met or not, all from this run.
 */
final class ResultsTable {

    private static final int TARGET_THROUGHPUT = 7_500;
    private static final int TARGET_P99_RATE = 2_500;
    private static final double TARGET_P99_MILLIS = 10;
    private static final double TARGET_BARE_SHARE = 0.5;

    private final List<Measurement> measurements;

    ResultsTable(List<Measurement> measurements) {
        this.measurements = measurements;
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("""
                | endpoint | load | 2xx/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | not 2xx | \
                on provider-events.v1 | CPU µs per request: server / broker / driver | cores busy: ours / whole machine \
                | driver late p99 ms |
                | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |
                """);
        for (Measurement m : measurements) {
            LoadResult r = m.load();
            double ours = m.cores(m.endpoint()) + m.cores(CpuMeter.BROKER) + m.cores(CpuMeter.DRIVER);
            out.append(
                    "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %s | %s | %.0f / %.0f / %.0f | %.2f / %.2f | %s |%n"
                            .formatted(
                                    m.endpoint(),
                                    r.cutShort() == null ? load(r) : load(r) + " (" + r.cutShort() + ")",
                                    r.acceptedPerSecond(),
                                    r.latencyMillis(50),
                                    r.latencyMillis(90),
                                    r.latencyMillis(99),
                                    r.latencyMillis(99.9),
                                    r.maxLatencyMillis(),
                                    notAccepted(r),
                                    m.topic() == null ? "-" : m.topic().summary(),
                                    m.microsPerRequest(m.endpoint()),
                                    m.microsPerRequest(CpuMeter.BROKER),
                                    m.microsPerRequest(CpuMeter.DRIVER),
                                    ours,
                                    m.cores(CpuMeter.MACHINE),
                                    r.sendLagMicros() == null
                                            ? "-"
                                            : "%.2f".formatted(r.sendLagMicros().getValueAtPercentile(99) / 1000.0)));
        }
        out.append(ratios()).append(targets());
        return out.toString();
    }

    private String ratios() {
        var out = new StringBuilder("\nThe ingress as a share of the bare endpoint, run for run:\n\n"
                + "| load | ingress 2xx/s ÷ bare 2xx/s | ingress p99 ÷ bare p99 |\n| --- | ---: | ---: |\n");
        for (Measurement ingress : endpoint(Measurement.INGRESS)) {
            bareFor(ingress.load())
                    .ifPresent(bare -> out.append("| %s | %.0f%% | %.1f× |%n"
                            .formatted(
                                    load(ingress.load()),
                                    100
                                            * ingress.load().acceptedPerSecond()
                                            / bare.load().acceptedPerSecond(),
                                    ingress.load().latencyMillis(99)
                                            / bare.load().latencyMillis(99))));
        }
        return out.toString();
    }

    private String targets() {
        var out = new StringBuilder("\nTargets (met or not, in this run):\n\n");
        Optional<Measurement> saturation = endpoint(Measurement.INGRESS).stream()
                .filter(m -> m.load().offeredRate() == 0)
                .findFirst();
        Optional<Measurement> sustained = endpoint(Measurement.INGRESS).stream()
                .filter(m -> m.load().offeredRate() >= TARGET_THROUGHPUT)
                .findFirst();
        sustained.ifPresent(m -> out.append("- %s ≥ %,d req/s sustained, every answer on the topic: offered %,d/s, "
                        .formatted(
                                verdict(m.load().cutShort() == null
                                        && m.load().errors() == 0
                                        && m.load().acceptedPerSecond() >= TARGET_THROUGHPUT * 0.99
                                        && m.topic().durable()),
                                TARGET_THROUGHPUT,
                                m.load().offeredRate())
                + "answered %,.0f/s 2xx with %,d not 2xx, p99 %.1f ms; topic %s%n"
                        .formatted(
                                m.load().acceptedPerSecond(),
                                m.load().errors(),
                                m.load().latencyMillis(99),
                                m.topic().summary())));
        saturation.ifPresent(m ->
                out.append("- %s ≥ %,d req/s at saturation, every answer on the topic: %,.0f/s; topic %s%n"
                        .formatted(
                                verdict(m.load().acceptedPerSecond() >= TARGET_THROUGHPUT
                                        && m.topic().durable()),
                                TARGET_THROUGHPUT,
                                m.load().acceptedPerSecond(),
                                m.topic().summary())));
        endpoint(Measurement.INGRESS).stream()
                .filter(m -> m.load().offeredRate() == TARGET_P99_RATE)
                .findFirst()
                .ifPresent(m -> out.append("- %s p99 ≤ %.0f ms at a steady %,d req/s: p99 %.2f ms%n"
                        .formatted(
                                verdict(m.load().cutShort() == null
                                        && m.load().errors() == 0
                                        && m.load().latencyMillis(99) <= TARGET_P99_MILLIS),
                                TARGET_P99_MILLIS,
                                TARGET_P99_RATE,
                                m.load().latencyMillis(99))));
        saturation
                .flatMap(m -> bareFor(m.load())
                        .map(bare -> m.load().acceptedPerSecond() / bare.load().acceptedPerSecond()))
                .ifPresent(share -> out.append("- %s ≥ %.0f%% of the bare endpoint's throughput: %.0f%%%n"
                        .formatted(verdict(share >= TARGET_BARE_SHARE), 100 * TARGET_BARE_SHARE, 100 * share)));
        return out.toString();
    }

    private List<Measurement> endpoint(String endpoint) {
        return measurements.stream().filter(m -> m.endpoint().equals(endpoint)).toList();
    }

    private Optional<Measurement> bareFor(LoadResult ingress) {
        return endpoint(Measurement.BARE).stream()
                .filter(m -> load(m.load()).equals(load(ingress)))
                .findFirst();
    }

    private static String load(LoadResult r) {
        return r.offeredRate() == 0
                ? "saturation, %d connections".formatted(r.connections())
                : "fixed %,d/s".formatted(r.offeredRate());
    }

    private static String notAccepted(LoadResult r) {
        if (r.errors() == 0) {
            return "0";
        }
        var parts = new StringBuilder();
        r.byStatus().forEach((status, count) -> {
            if (status / 100 != 2) {
                parts.append(parts.isEmpty() ? "" : ", ")
                        .append(count)
                        .append("×")
                        .append(status);
            }
        });
        if (r.ioErrors() > 0) {
            parts.append(parts.isEmpty() ? "" : ", ").append(r.ioErrors()).append(" broken");
        }
        if (r.timeouts() > 0) {
            parts.append(parts.isEmpty() ? "" : ", ").append(r.timeouts()).append(" timed out");
        }
        long unfinished = r.sent() - r.answered() - r.ioErrors() - r.timeouts();
        if (unfinished > 0) {
            parts.append(parts.isEmpty() ? "" : ", ").append(unfinished).append(" unanswered");
        }
        return parts.toString();
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }
}
