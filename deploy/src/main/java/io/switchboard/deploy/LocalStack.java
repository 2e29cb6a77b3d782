package io.switchboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.switchboard.testsupport.KafkaBroker;
import io.switchboard.testsupport.MongoWireServer;

/**
 * The whole of Switchboard on one machine: a real Kafka broker (KRaft), a MongoDB-wire server, the
 * development token issuer, the Twilio-compatible simulator and the five services, each in its own JVM,
 * seeded with a demo account. {@code ./dev up} runs {@link #main}; the end-to-end tests start it the same way.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final StackConfig config;
    private final StackSecrets secrets;
    private final IssuerTokens tokens;
    private final Map<StackService, ServiceProcess> services = new EnumMap<>(StackService.class);
    /** The second and later dialers, when the configuration asks for more than one. */
    private final List<ServiceProcess> extraDialers = new ArrayList<>();

    private KafkaBroker broker;
    private MongoWireServer mongo;

    private LocalStack(StackConfig config) {
        this.config = config;
        this.secrets = StackSecrets.loadOrCreate(config.dataDirectory());
        this.tokens = new IssuerTokens(config.issuerUrl(), StackConfig.ISSUER_CLIENT_ID, secrets.issuerClientSecret());
    }

    public static LocalStack start(StackConfig config) {
        var stack = new LocalStack(config);
        try {
            stack.startAll();
            var demo = new DemoData(stack);
            demo.seed();
            demo.awaitIngressKnowsDemoAccount(Duration.ofSeconds(30));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of("").toAbsolutePath();
        StackConfig config = StackConfig.local(repository);
        if (List.of(args).contains("--fresh")) {
            deleteRecursively(config.dataDirectory());
        }
        System.out.println("Starting Switchboard (data and logs in " + config.dataDirectory() + ") ...");
        var stopped = new CountDownLatch(1);
        LocalStack stack = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Switchboard ...");
            stack.close();
            stopped.countDown();
        }));
        System.out.println(new StackBanner(stack).text());
        stopped.await();
    }

    public String url(StackService service) {
        return services.get(service).baseUrl();
    }

    /** Where the service's actuator answers (probes, metrics, stalls). */
    public String managementUrl(StackService service) {
        return services.get(service).managementUrl();
    }

    /** The development issuer: the {@code iss} of the stack's tokens. */
    public String issuerUrl() {
        return config.issuerUrl();
    }

    /** Bearer tokens for the stack's HTTP APIs. */
    IssuerTokens tokens() {
        return tokens;
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    public KafkaBroker broker() {
        return broker;
    }

    public StackConfig config() {
        return config;
    }

    StackSecrets secrets() {
        return secrets;
    }

    Path log(StackService service) {
        return services.get(service).log();
    }

    private void startAll() {
        broker = KafkaBroker.start(config.dataDirectory().resolve("kafka"), config.kafkaPort());
        mongo = config.persistent()
                ? MongoWireServer.persistent(config.dataDirectory().resolve("call-log.h2"), config.mongoPort())
                : MongoWireServer.inMemory();
        var properties = new ServiceProperties(config, secrets, broker.bootstrapServers(), mongo.connectionString());
        for (StackService service : StackService.values()) {
            var process = new ServiceProcess(
                    service.module(),
                    config.port(service),
                    config.managementPort(service),
                    config.jar(service),
                    config.dataDirectory().resolve("logs").resolve(service.module() + ".log"),
                    properties.of(service));
            services.put(service, process);
            process.start();
            if (service == StackService.DEV_ISSUER) {
                // The services validate tokens against it: it is up before any of them starts.
                process.awaitReady(READY_TIMEOUT);
            }
        }
        for (int instance = 2; instance <= config.dialerInstances(); instance++) {
            var dialer = new HashMap<>(properties.of(StackService.CAMPAIGN_DIALER));
            int port = config.extraDialerPort(instance);
            dialer.put("management.server.port", port + StackService.MANAGEMENT_PORT_DISTANCE);
            var process = new ServiceProcess(
                    "campaign-dialer-" + instance,
                    port,
                    port + StackService.MANAGEMENT_PORT_DISTANCE,
                    config.jar(StackService.CAMPAIGN_DIALER),
                    config.dataDirectory().resolve("logs").resolve("campaign-dialer-" + instance + ".log"),
                    dialer);
            extraDialers.add(process);
            process.start();
        }
        for (ServiceProcess process : services.values()) {
            process.awaitReady(READY_TIMEOUT);
        }
        for (ServiceProcess process : extraDialers) {
            process.awaitReady(READY_TIMEOUT);
        }
    }

    /** Kills the {@code instance}-th dialer (1 is the stack's own) with SIGKILL. */
    void killDialer(int instance) {
        (instance == 1 ? services.get(StackService.CAMPAIGN_DIALER) : extraDialers.get(instance - 2)).kill();
    }

    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess process : extraDialers) {
            stopping.add(Thread.ofPlatform().start(process::stop));
        }
        for (ServiceProcess process : services.values()) {
            stopping.add(Thread.ofPlatform().start(process::stop));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            broker.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
