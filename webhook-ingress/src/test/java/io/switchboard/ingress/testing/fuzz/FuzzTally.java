package io.switchboard.ingress.testing.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.ingress.testing.RawExchange.Answers;

/**
 * What the fuzz saw, counted from several threads: each category's outcomes (e.g. {@code 403},
 * {@code 400+400}, {@code closed}) and time taken, the server errors, and the first cases of each
 * category that broke its {@link Expectation}, with enough of the request to see what it was.
 */
public final class FuzzTally {

    private static final int FAILURES_KEPT_PER_CATEGORY = 3;

    private final Map<FuzzCategory, Map<String, LongAdder>> outcomes = new ConcurrentHashMap<>();
    private final Map<FuzzCategory, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<FuzzCategory, LongAccumulator> maxNanos = new ConcurrentHashMap<>();
    private final Map<FuzzCategory, Queue<String>> failures = new ConcurrentHashMap<>();
    private final AtomicInteger failureCount = new AtomicInteger();
    private final LongAdder serverErrors = new LongAdder();

    public void record(FuzzCase fuzzCase, Answers answers, Duration took) {
        tally(fuzzCase.category(), answers.toString(), took);
        if (answers.anyServerError()) {
            serverErrors.increment();
        }
        if (!fuzzCase.category().expectation().accepts(answers)) {
            fail(
                    fuzzCase,
                    "answered " + answers + ", expected " + fuzzCase.category().expectation());
        }
    }

    /** The exchange itself failed (e.g. an answer that is not HTTP). */
    public void error(FuzzCase fuzzCase, RuntimeException error, Duration took) {
        tally(fuzzCase.category(), "error", took);
        fail(fuzzCase, error.toString());
    }

    private void tally(FuzzCategory category, String outcome, Duration took) {
        outcomes.computeIfAbsent(category, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder())
                .increment();
        nanos.computeIfAbsent(category, c -> new LongAdder()).add(took.toNanos());
        maxNanos.computeIfAbsent(category, c -> new LongAccumulator(Math::max, 0))
                .accumulate(took.toNanos());
    }

    private void fail(FuzzCase fuzzCase, String what) {
        failureCount.incrementAndGet();
        Queue<String> kept = failures.computeIfAbsent(fuzzCase.category(), c -> new ConcurrentLinkedQueue<>());
        if (kept.size() < FAILURES_KEPT_PER_CATEGORY) {
            kept.add("case " + fuzzCase.index() + " " + fuzzCase.category() + ": " + what + "\n    "
                    + fuzzCase.excerpt());
        }
    }

    public long count(FuzzCategory category) {
        return outcomes.getOrDefault(category, Map.of()).values().stream()
                .mapToLong(LongAdder::sum)
                .sum();
    }

    public long count(FuzzCategory category, String outcome) {
        LongAdder adder = outcomes.getOrDefault(category, Map.of()).get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    public long total() {
        return outcomes.keySet().stream().mapToLong(this::count).sum();
    }

    public long serverErrors() {
        return serverErrors.sum();
    }

    /** The first few failures of each category, each with the start of its request. */
    public List<String> failures() {
        var all = new ArrayList<String>();
        for (FuzzCategory category : FuzzCategory.values()) {
            all.addAll(failures.getOrDefault(category, new ConcurrentLinkedQueue<>()));
        }
        return all;
    }

    /** One line per category: how many requests, their mean and longest time, and how each was answered. */
    public String summary() {
        var summary = new StringBuilder();
        for (FuzzCategory category : FuzzCategory.values()) {
            var byOutcome = new TreeMap<String, Long>();
            outcomes.getOrDefault(category, Map.of()).forEach((outcome, n) -> byOutcome.put(outcome, n.sum()));
            long count = count(category);
            long meanMillis = count == 0 ? 0 : nanos.get(category).sum() / count / 1_000_000;
            long maxMillis = count == 0 ? 0 : maxNanos.get(category).get() / 1_000_000;
            summary.append(String.format(
                    "  %-27s %6d %5d ms %5d ms  %s%n", category, count, meanMillis, maxMillis, byOutcome));
        }
        return summary.append(String.format(
                        "  %-27s %6d  (mean, longest)  5xx answers: %d, unexpected: %d%n",
                        "total", total(), serverErrors(), failureCount.get()))
                .toString();
    }
}
