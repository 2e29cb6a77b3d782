package io.switchboard.bench;

import java.time.Duration;
import java.util.function.Function;

import io.switchboard.bench.load.LoadResult;

/**
 * Saturates an endpoint, unmeasured, in rounds until its JIT compilers used less than 5% of a core
 * in the last round: at least the given time, at most {@link #MOST}. On two cores C2 stays busy for a
 * minute or more of load; what is measured before that is mostly the compiler.
 */
final class WarmUp {

    static final Duration ROUND = Duration.ofSeconds(5);
    private static final Duration MOST = Duration.ofMinutes(4);
    private static final double SETTLED_COMPILER_CORES = 0.05;

    private final Duration least;

    WarmUp(Duration least) {
        this.least = least;
    }

    /** Runs {@code round} until the compilers settle; says how long that took. */
    String run(String endpoint, JitCompilers compilers, Function<Duration, LoadResult> round) {
        IngressBenchmark.log("warming up " + endpoint + " until its JIT compilers settle (at least " + least.toSeconds()
                + " s, at most " + MOST.toSeconds() + " s)");
        long start = System.nanoTime();
        while (true) {
            double compiled = compilers.cpuSeconds();
            long roundStart = System.nanoTime();
            LoadResult result = round.apply(ROUND);
            double cores = (compilers.cpuSeconds() - compiled) / ((System.nanoTime() - roundStart) / 1e9);
            Duration warm = Duration.ofNanos(System.nanoTime() - start);
            IngressBenchmark.log(
                    "  %,.0f 2xx/s, JIT compilers %.2f cores".formatted(result.acceptedPerSecond(), cores));
            if (warm.compareTo(least) >= 0 && cores < SETTLED_COMPILER_CORES || warm.compareTo(MOST) >= 0) {
                return "%s %d s (last round %,.0f 2xx/s, JIT compilers %.2f cores)"
                        .formatted(endpoint, warm.toSeconds(), result.acceptedPerSecond(), cores);
            }
        }
    }
}
