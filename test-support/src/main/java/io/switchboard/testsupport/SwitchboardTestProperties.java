package io.switchboard.testsupport;

import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties a service's integration test needs to run against the shared real broker with
 * the run's signing keys. Use from a {@code @DynamicPropertySource} method.
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
    }
}
