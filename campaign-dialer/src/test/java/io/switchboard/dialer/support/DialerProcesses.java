package io.switchboard.dialer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.dialer.CampaignDialerApplication;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.TestEventKeys;
import io.switchboard.testsupport.TestSecrets;
import io.switchboard.testsupport.TestTokens;

/**
 * The dialer as it runs in production, in a JVM of its own, configured as a deployment would: for tests that
 * kill it (SIGKILL: no shutdown hook, no rollback, nothing but what Kafka had committed) and start another.
 */
public final class DialerProcesses {

    private DialerProcesses() {}

    /**
     * Starts a dialer on {@code bootstrapServers} against {@code twilio}, its output in {@code logs/name.log};
     * {@code overrides} are set last.
     */
    public static Process start(
            String bootstrapServers, FakeTwilioServer twilio, Path logs, String name, Map<String, Object> overrides) {
        var properties = new LinkedHashMap<String, Object>(TestEventKeys.properties("/switchboard/campaign-dialer"));
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        // A killed member's partitions move once its session times out: seconds, not the default 45.
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", 6000);
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("logging.structured.format.console", "");
        properties.put("switchboard.dialer.ingress-base-url", "https://ingress.example.com");
        properties.put("switchboard.dialer.provider-listing-delay", "1s");
        properties.put(
                "switchboard.dialer.twilio.api-base-url", twilio.baseUrl().toString());
        // Its API takes bearer tokens: the test issuer's settings, as every service under test gets them.
        properties.putAll(TestTokens.properties());
        properties.put("switchboard.secrets.active-key-id", TestSecrets.KEY_ID);
        properties.put("switchboard.secrets.keys." + TestSecrets.KEY_ID, TestSecrets.key());
        properties.put("switchboard.dialer.intake.publishers.internal.principal", "User:ANONYMOUS");
        properties.put("switchboard.dialer.intake.publishers.internal.topic", Topic.Names.CALL_REQUESTS);
        properties.put("switchboard.dialer.intake.publishers.internal.accounts", List.of("*"));
        properties.put("switchboard.dialer.intake.verify-acls", false);
        properties.putAll(overrides);
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CampaignDialerApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("SPRING_APPLICATION_JSON", EventJson.mapper().writeValueAsString(properties));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
