package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does, from {@code --name=value} arguments.
 *
 * @param duration       how long each measured load runs
 * @param warmup         the least time each endpoint is loaded, unmeasured, before the first measured run; the
 *                       warm-up goes on until the JIT compilers settle
 * @param rates          the fixed rates offered, in requests per second
 * @param connections    connections of the saturation (closed-loop) runs; 0 skips them
 * @param maxConnections the most connections a fixed-rate run may open
 * @param maxRate        requests prepared per second of a saturation run: the most the ingress could answer
 * @param jvmFlags       the flags both servers are started with (the ingress and the bare endpoint alike)
 * @param ingressProperties Spring properties given to the ingress on top of its application.yml (tuning experiments)
 * @param endpoints      which endpoints to measure: {@code ingress}, {@code bare}, or both
 * @param profile        record a JFR profile of the ingress during its saturation run
 */
record BenchOptions(
        Duration duration,
        Duration warmup,
        List<Integer> rates,
        int connections,
        int maxConnections,
        int maxRate,
        List<String> jvmFlags,
        Map<String, Object> ingressProperties,
        List<String> endpoints,
        boolean profile) {

    /** The servers' JVM flags unless {@code --jvm} says otherwise; docs/benchmarks.md says why each is there. */
    static final List<String> DEFAULT_JVM_FLAGS = List.of("-Xms512m", "-Xmx512m");

    static final int DEFAULT_CONNECTIONS = 64;

    static BenchOptions parse(String[] args) {
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(15);
        List<Integer> rates = List.of(1000, 2500, 5000, 7500);
        int connections = DEFAULT_CONNECTIONS;
        int maxConnections = 512;
        int maxRate = 15_000;
        List<String> jvmFlags = DEFAULT_JVM_FLAGS;
        var properties = new LinkedHashMap<String, Object>();
        List<String> endpoints = List.of("bare", "ingress");
        boolean profile = false;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--rates" ->
                    rates = value.isBlank()
                            ? List.of()
                            : Arrays.stream(value.split(","))
                                    .map(String::trim)
                                    .map(Integer::valueOf)
                                    .toList();
                case "--connections" -> connections = Integer.parseInt(value);
                case "--max-connections" -> maxConnections = Integer.parseInt(value);
                case "--max-rate" -> maxRate = Integer.parseInt(value);
                case "--jvm" ->
                    jvmFlags =
                            value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                case "--ingress" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--ingress takes property=value, not " + value);
                    }
                    properties.put(value.substring(0, equals), value.substring(equals + 1));
                }
                case "--only" -> endpoints = List.of(value);
                case "--profile" -> profile = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
            }
        }
        return new BenchOptions(
                duration,
                warmup,
                rates,
                connections,
                maxConnections,
                maxRate,
                jvmFlags,
                properties,
                new ArrayList<>(endpoints),
                profile);
    }

    boolean measures(String endpoint) {
        return endpoints.contains(endpoint);
    }

    static String usage() {
        return """
                bench/run [--duration=S] [--warmup=S] [--rates=R1,R2,...] [--connections=N] [--max-connections=N]
                          [--max-rate=R] [--jvm='<flags for both servers>'] [--ingress=<spring.property>=<value> ...]
                          [--only=ingress|bare] [--profile]
                """;
    }
}
