package io.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One broker for a whole test run (per test JVM), started on first use and stopped when the JVM
 * exits, so integration test classes share it instead of paying the start-up each. {@link #get()}
 * is always the embedded broker, for tests that stop and restart it.
 */
public final class SharedKafkaBroker {

    private static KafkaBroker broker;

    private SharedKafkaBroker() {}

    public static synchronized KafkaBroker get() {
        if (broker == null || !broker.isRunning()) {
            try {
                broker = KafkaBroker.start(Files.createTempDirectory("switchboard-kafka-"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        }
        return broker;
    }

    /** The broker of {@link TestInfrastructure#selected()}: this embedded one, or a Kafka container. */
    public static String bootstrapServers() {
        if (TestInfrastructure.selected() == TestInfrastructure.CONTAINERS) {
            return ContainerInfrastructure.kafkaBootstrapServers();
        }
        return get().bootstrapServers();
    }
}
