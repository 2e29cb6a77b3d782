package io.switchboard.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties a service's integration test needs to run against the shared real broker with
 * the run's signing keys. Use from a {@code @DynamicPropertySource} method.
 */
public final class SwitchboardTestProperties {

    private SwitchboardTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String source) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafkaBroker::bootstrapServers);
        TestEventKeys.properties(source).forEach((name, value) -> registry.add(name, () -> value));
    }
}
