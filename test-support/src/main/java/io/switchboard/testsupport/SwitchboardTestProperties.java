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
        // WebTestClient's 5 s default is shorter than a stall of the 2-core CI machine under a broker and a
        // database; a request that really hangs still fails, after this.
        registry.add("spring.test.webtestclient.timeout", () -> "30s");
    }

    /** Only the token issuer: for a web slice test of a controller behind the API security configuration. */
    public static void registerTokenIssuer(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
