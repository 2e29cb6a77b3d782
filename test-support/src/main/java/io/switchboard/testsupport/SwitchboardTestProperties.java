package io.switchboard.testsupport;

import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties a service's integration test needs to run against the shared real broker with
 * the run's signing keys, trusting the run's token issuer ({@link TestTokens}). Use from a {@code @DynamicPropertySource} method.
 */
public final class SwitchboardTestProperties {

    private SwitchboardTestProperties() {}

    public static void register(DynamicPropertyRegistry registry, String source) {
        register(registry, source, SharedKafkaBroker::bootstrapServers);
    }

    /** The same against another cluster, e.g. a {@link KafkaCluster} a test takes brokers away from. */
    public static void register(DynamicPropertyRegistry registry, String source, Supplier<Object> bootstrapServers) {
        registry.add("spring.kafka.bootstrap-servers", bootstrapServers);
        TestEventKeys.properties(source).forEach((name, value) -> registry.add(name, () -> value));
        registerTokenIssuer(registry);
        // Actuator on a port of its own, as in production: tests reach it through @LocalManagementPort.
        registry.add("management.server.port", () -> 0);
    }

    /** Only the token issuer: for a web slice test of a controller behind the API security configuration. */
    public static void registerTokenIssuer(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
