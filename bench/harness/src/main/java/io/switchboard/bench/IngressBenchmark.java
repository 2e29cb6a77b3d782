package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.switchboard.bench.load.FixedRateLoad;
import io.switchboard.bench.load.LoadResult;
import io.switchboard.bench.load.RequestSource;
import io.switchboard.bench.load.SaturationLoad;
import io.switchboard.testsupport.IngressAccounts;
import io.switchboard.testsupport.KafkaBroker;

/**
 * {@code bench/run}: the webhook-ingress under load on one machine, beside a bare WebFlux endpoint
 * measured in the same run. Starts a real broker, both servers as JVMs of their own, publishes the
 * bench account to accounts.v1, then loads each endpoint at fixed rates and at saturation with
 * distinct, validly signed status callbacks, checks that every answered callback is on
 * provider-events.v1 exactly once, and prints the results as Markdown.
 */
public final class IngressBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** The bare endpoint keeps nothing, so it may see the same requests again. */
    private static final int BARE_POOL = 50_000;

    private final BenchOptions options;
    private final Path runDirectory;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> warmUps = new ArrayList<>();

    private IngressBenchmark(BenchOptions options, Path runDirectory) {
        this.options = options;
        this.runDirectory = runDirectory;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path repository = Path.of(System.getProperty("switchboard.repository", "."))
                .toAbsolutePath()
                .normalize();
        Path runDirectory = repository
                .resolve("bench/target/runs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDirectory);
        new IngressBenchmark(options, runDirectory).run(repository);
    }

    private void run(Path repository) throws Exception {
        var conditions = new RunConditions(options, runDirectory);
        System.out.println(conditions.markdown());
        BenchAccount account = BenchAccount.generate();
        int ingressPort = freePort();
        int barePort = freePort();
        String publicBaseUrl = "http://127.0.0.1:" + ingressPort;
        Path kafka = runDirectory.resolve("kafka");
        try (var broker = KafkaBroker.start(kafka, 0);
                var ingress = ServiceJvm.start(
                        "webhook-ingress",
                        Jars.newest(repository, "webhook-ingress"),
                        ingressPort,
                        options.jvmFlags(),
                        ingressProperties(account, broker, publicBaseUrl),
                        runDirectory.resolve("webhook-ingress.log"));
                var bare = ServiceJvm.start(
                        "bare-webflux",
                        Jars.newest(repository, "bench/bare-webflux"),
                        barePort,
                        options.jvmFlags(),
                        Map.of(),
                        runDirectory.resolve("bare-webflux.log"));
                var topic = new ProviderEventsTopic(broker.bootstrapServers())) {
            ingress.awaitAnswer(
                    ingress.request("/actuator/health/readiness").GET().build(), 200, READY_TIMEOUT);
            AccountSeed.publish(broker.bootstrapServers(), account);
            IngressAccounts.awaitKnown(
                    ingress.baseUrl() + "/webhooks/twilio/" + account.accountId() + "/status", Duration.ofSeconds(60));
            bare.awaitAnswer(
                    bare.request("/").POST(HttpRequest.BodyPublishers.noBody()).build(), 200, READY_TIMEOUT);
            log("broker, webhook-ingress and bare-webflux are up; logs in " + runDirectory);

            var meter = CpuMeter.forRun(ingress.pid(), bare.pid());
            var ingressCallbacks = new StatusCallbacks(account, publicBaseUrl, "127.0.0.1:" + ingressPort);
            var bareRequests = RequestSource.cycling(
                    new StatusCallbacks(account, publicBaseUrl, "127.0.0.1:" + barePort).next(BARE_POOL));
            var ingressTarget = new Target(
                    Measurement.INGRESS,
                    new InetSocketAddress("127.0.0.1", ingressPort),
                    count -> RequestSource.distinct(ingressCallbacks.next(count)),
                    topic);
            var bareTarget = new Target(
                    Measurement.BARE, new InetSocketAddress("127.0.0.1", barePort), count -> bareRequests, null);
            List<Target> targets = new ArrayList<>();
            if (options.measures(Measurement.BARE)) {
                targets.add(bareTarget);
            }
            if (options.measures(Measurement.INGRESS)) {
                targets.add(ingressTarget);
            }

            var warmUp = new WarmUp(options.warmup());
            for (Target target : targets) {
                var compilers = new JitCompilers(target == ingressTarget ? ingress.pid() : bare.pid());
                warmUps.add(warmUp.run(
                        target.name(), compilers, round -> saturate(target, saturationRequests(target, round), round)));
            }
            for (int rate : options.rates()) {
                for (Target target : targets) {
                    log(target.name() + ": fixed " + rate + "/s for "
                            + options.duration().toSeconds() + " s");
                    RequestSource requests = target.requests()
                            .prepare((int) (rate * options.duration().toSeconds()) + 1);
                    measure(target, meter, () -> fixedRate(target, requests, rate));
                }
            }
            for (Target target : options.connections() > 0 ? targets : List.<Target>of()) {
                log(target.name() + ": saturation, " + options.connections() + " connections for "
                        + options.duration().toSeconds() + " s");
                RequestSource requests = saturationRequests(target, options.duration());
                boolean profiled = options.profile() && target == ingressTarget;
                var profile = profiled
                        ? FlightRecording.start(ingress.pid(), runDirectory.resolve("ingress-saturation.jfr"))
                        : null;
                measure(target, meter, () -> saturate(target, requests, options.duration()));
                if (profile != null) {
                    profile.stop();
                    System.out.println(new ProfileSummary(profile.file()).markdown());
                }
            }
        } finally {
            Files.walk(kafka).sorted(Comparator.reverseOrder()).forEach(IngressBenchmark::delete);
        }
        System.out.println("- warm-up: " + String.join("; ", warmUps) + "\n");
        System.out.println(new ResultsTable(measurements).markdown());
    }

    private void measure(Target target, CpuMeter meter, Supplier<LoadResult> load) {
        var mark = target.topic() == null ? null : target.topic().end();
        Map<String, Double> before = meter.sample();
        LoadResult result = load.get();
        Map<String, Double> cores = CpuMeter.cores(before, meter.sample());
        TopicCheck check = mark == null ? null : target.topic().check(mark, result.acceptedEventIds());
        var measurement = new Measurement(target.name(), result, check, cores);
        measurements.add(measurement);
        if (result.cutShort() != null) {
            log("  " + result.cutShort());
        }
        log("  %,.0f 2xx/s, p50 %.2f ms, p99 %.2f ms, %d not 2xx, server CPU %.0f µs/request%s"
                .formatted(
                        result.acceptedPerSecond(),
                        result.latencyMillis(50),
                        result.latencyMillis(99),
                        result.errors(),
                        measurement.microsPerRequest(target.name()),
                        check == null ? "" : "; topic " + check.summary()));
    }

    private LoadResult fixedRate(Target target, RequestSource requests, int rate) {
        var load = new FixedRateLoad(target.address(), options.maxConnections(), ANSWER_TIMEOUT);
        return load.run("fixed " + rate, requests, rate, options.duration());
    }

    /** Prepared before the run, so that neither its CPU nor its time counts in the result. */
    private RequestSource saturationRequests(Target target, Duration duration) {
        return target.requests().prepare((int) (options.maxRate() * duration.toSeconds()));
    }

    private LoadResult saturate(Target target, RequestSource requests, Duration duration) {
        // The warm-up saturates too when the measured saturation runs are skipped (--connections=0).
        int connections = options.connections() > 0 ? options.connections() : BenchOptions.DEFAULT_CONNECTIONS;
        return new SaturationLoad(target.address(), ANSWER_TIMEOUT).run("saturation", requests, connections, duration);
    }

    private Map<String, Object> ingressProperties(BenchAccount account, KafkaBroker broker, String publicBaseUrl) {
        var properties = new LinkedHashMap<>(account.ingressProperties(broker.bootstrapServers(), publicBaseUrl));
        properties.putAll(options.ingressProperties());
        return properties;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String line) {
        System.err.println("[bench] " + line);
    }
}
