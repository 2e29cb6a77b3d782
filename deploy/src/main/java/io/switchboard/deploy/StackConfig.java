package io.switchboard.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local stack lives and listens.
 *
 * @param repository   the repository root, where each service's runnable jar is built
 * @param dataDirectory broker data, the call log's H2 file, generated secrets and service logs
 * @param basePort     services listen on basePort + 0..4 (ingress, orchestrator, dialer, billing, call log), the
 *                     simulator on + 10, the development token issuer on + 20; each service's and the issuer's
 *                     actuator (management port) on 100 above its own port
 * @param kafkaPort    the broker's client port (0 = any free port)
 * @param mongoPort    the MongoDB-wire server's port (0 = any free port)
 * @param persistent   keep the call log in an H2 file (local stack) rather than in memory (tests)
 * @param stepDelay    the simulator's time between call progress steps
 * @param dialerInstances how many campaign-dialer JVMs run (one in the local stack; the pacing benchmark runs
 *                     more); the second and later listen on basePort + 30 + n
 * @param overrides    settings that replace a service's local ones (the pacing benchmark's limits, say)
 */
public record StackConfig(
        Path repository,
        Path dataDirectory,
        int basePort,
        int kafkaPort,
        int mongoPort,
        boolean persistent,
        Duration stepDelay,
        int dialerInstances,
        Map<StackService, Map<String, Object>> overrides) {

    public StackConfig {
        if (dialerInstances < 1) {
            throw new IllegalArgumentException("at least one dialer instance");
        }
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** One dialer, each service as configured for the local stack. */
    public StackConfig(
            Path repository,
            Path dataDirectory,
            int basePort,
            int kafkaPort,
            int mongoPort,
            boolean persistent,
            Duration stepDelay) {
        this(repository, dataDirectory, basePort, kafkaPort, mongoPort, persistent, stepDelay, 1, Map.of());
    }

    public static final String DEMO_ACCOUNT = "demo";
    public static final String DEMO_NUMBER = "+14155550100";
    public static final String DEMO_ASSISTANT = "receptionist";
    /** The local stack's one client at the development issuer; its secret is generated into the data directory. */
    public static final String ISSUER_CLIENT_ID = "switchboard-local";
    /** The audience every Switchboard service requires of a token. */
    public static final String TOKEN_AUDIENCE = "switchboard";

    public static StackConfig local(Path repository) {
        return new StackConfig(
                repository, repository.resolve(".local"), 8080, 9092, 27027, true, Duration.ofMillis(400));
    }

    int port(StackService service) {
        return basePort + service.portOffset();
    }

    /** Where the {@code instance}-th dialer (from 2) listens; its actuator is 100 above. */
    int extraDialerPort(int instance) {
        return basePort + 30 + instance;
    }

    /** Where the service's actuator (probes, metrics) listens: its own port for the simulator. */
    int managementPort(StackService service) {
        return service.hasManagementPort()
                ? basePort + StackService.MANAGEMENT_PORT_DISTANCE + service.portOffset()
                : port(service);
    }

    /** The development issuer's URL: the {@code iss} of its tokens and the services' {@code issuer-uri}. */
    String issuerUrl() {
        return "http://localhost:" + port(StackService.DEV_ISSUER);
    }

    /** The newest runnable jar the build left in the service's target folder. */
    Path jar(StackService service) {
        Path target = repository.resolve(service.module()).resolve("target");
        try (var jars = java.nio.file.Files.newDirectoryStream(target, service.module() + "-*-exec.jar")) {
            Path newest = null;
            for (Path jar : jars) {
                if (newest == null
                        || jar.toFile().lastModified() > newest.toFile().lastModified()) {
                    newest = jar;
                }
            }
            if (newest != null) {
                return newest;
            }
        } catch (java.io.IOException e) {
            // no target folder yet: reported below
        }
        throw new IllegalStateException("No runnable jar in " + target + ": build first (./dev build)");
    }
}
