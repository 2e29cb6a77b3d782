package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.switchboard.events.config.EventsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ServicePropertiesTests {

    @TempDir
    Path repository;

    @Test
    void whenAServiceIsConfiguredThenItTrustsEveryServicesKeyAsThatServicesAndSignsWithItsOwn() {
        // given
        var config = StackConfig.local(repository);
        var secrets = StackSecrets.loadOrCreate(config.dataDirectory());
        var properties = new ServiceProperties(config, secrets, "localhost:9092", "mongodb://localhost:27027");

        for (StackService service : StackService.values()) {
            if (!service.isSwitchboardService()) {
                continue;
            }

            // when
            EventsProperties events = bind(properties.of(service));

            // then
            String ownKey = secrets.signingKeys().get(service.module()).keyId();
            assertThat(events.signing().keyId()).as(service.module()).isEqualTo(ownKey);
            assertThat(events.keyProducers()).as(service.module()).containsEntry(ownKey, service.module());
            assertThat(events.keyProducers().keySet())
                    .as(service.module())
                    .isEqualTo(events.trustedKeys().keySet());
            assertThat(events.keyProducers())
                    .containsEntry(
                            secrets.signingKeys()
                                    .get(StackService.WEBHOOK_INGRESS.module())
                                    .keyId(),
                            "webhook-ingress")
                    .containsEntry(
                            secrets.signingKeys()
                                    .get(StackService.CALL_ORCHESTRATOR.module())
                                    .keyId(),
                            "call-orchestrator");
        }
    }

    private static EventsProperties bind(Map<String, Object> properties) {
        var values = new HashMap<String, String>();
        properties.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("switchboard.events", EventsProperties.class)
                .get();
    }
}
