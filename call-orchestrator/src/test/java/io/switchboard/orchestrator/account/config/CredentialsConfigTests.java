package io.switchboard.orchestrator.account.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.config.SwitchboardEventsAutoConfiguration;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.orchestrator.account.domain.CredentialSealer;
import io.switchboard.testsupport.TestEventKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CredentialsConfigTests {

    private static final String KEY = SecretBox.generateKey();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(KafkaAutoConfiguration.class, SwitchboardEventsAutoConfiguration.class))
            .withUserConfiguration(CredentialsConfig.class)
            // The events auto-configuration counts skipped replay records; the application has a registry.
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("switchboard.events.create-topics=false")
            .withPropertyValues(TestEventKeys.properties("/switchboard/call-orchestrator").entrySet().stream()
                    .map(property -> property.getKey() + "=" + property.getValue())
                    .toArray(String[]::new));

    @Test
    void whenNoSecretKeysAreConfiguredThenStartUpFailsNamingTheProperties() {
        context.run(started -> assertThat(started)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("switchboard.secrets.active-key-id")
                .hasMessageContaining("switchboard.secrets.keys.<key id>"));
    }

    @Test
    void whenTheActiveKeyIsMissingThenStartUpFailsNamingIt() {
        context.withPropertyValues("switchboard.secrets.active-key-id=k2", "switchboard.secrets.keys.k1=" + KEY)
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("k2")
                        .hasMessageNotContaining(KEY));
    }

    @Test
    void whenSecretKeysAreConfiguredThenCredentialsAreSealedWithThem() {
        context.withPropertyValues("switchboard.secrets.active-key-id=k1", "switchboard.secrets.keys.k1=" + KEY)
                .run(started -> {
                    assertThat(started).hasSingleBean(CredentialSealer.class);
                    assertThat(started.getBean(SecretBox.class).activeKeyId()).isEqualTo("k1");
                });
    }
}
