package io.switchboard.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where integration tests find Kafka and MongoDB, chosen by one setting: the system property
 * {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT}.
 * <ul>
 *   <li>{@code embedded} (the default): a real Kafka broker run from the Maven Central jars and an
 *       embedded MongoDB-wire server; needs nothing but a JDK.</li>
 *   <li>{@code containers}: Apache Kafka and MongoDB containers through Testcontainers; fails clearly
 *       where there is no Docker, rather than quietly testing something else.</li>
 *   <li>{@code auto}: containers where Docker answers, embedded elsewhere.</li>
 * </ul>
 * Tests that stop, restart or split the broker or the database on purpose always use the embedded
 * ones, which they control.
 */
public enum TestInfrastructure {
    EMBEDDED,
    CONTAINERS;

    public static final String PROPERTY = "switchboard.test.infrastructure";
    public static final String ENVIRONMENT = "SWITCHBOARD_TEST_INFRASTRUCTURE";

    private static volatile TestInfrastructure selected;

    /** The choice for this test JVM, made once. */
    public static TestInfrastructure selected() {
        if (selected == null) {
            synchronized (TestInfrastructure.class) {
                if (selected == null) {
                    String setting = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
                    selected = choose(setting, ContainerInfrastructure::dockerAvailable);
                }
            }
        }
        return selected;
    }

    /** Docker is asked only when the setting depends on it. */
    static TestInfrastructure choose(String setting, BooleanSupplier dockerAvailable) {
        String value = setting == null || setting.isBlank()
                ? "embedded"
                : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> EMBEDDED;
            case "auto" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            case "containers" -> {
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(PROPERTY + "=containers, but no Docker engine answers here; "
                            + "use embedded (the default) or auto");
                }
                yield CONTAINERS;
            }
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be embedded, containers or auto, not '" + setting + "'");
        };
    }
}
