package io.switchboard.events.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.switchboard.events.deadletter.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EventsPropertiesTests {

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "switchboard.events.source", "/switchboard/billing-service",
            "switchboard.events.signing.key-id", "billing-2025-03",
            "switchboard.events.signing.private-key", "c2VjcmV0"));

    @Test
    void whenOnlyTheRequiredSettingsAreGivenThenTheDefaultsApply() {
        // when
        EventsProperties properties = bind();

        // then
        assertThat(properties.source()).isEqualTo(URI.create("/switchboard/billing-service"));
        assertThat(properties.trustedKeys()).isEmpty();
        assertThat(properties.keyProducers()).isEmpty();
        assertThat(properties.topicReplicas()).isEqualTo((short) 1);
        assertThat(properties.createTopics()).isTrue();
        assertThat(properties.publishTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.retry().initialInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.retry().multiplier()).isEqualTo(2.0);
        assertThat(properties.retry().maxInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.stalls().readinessDownAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.stalls().forgetAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.deadLetters().agedAfter()).isEqualTo(Duration.ofDays(21));
        assertThat(properties.deadLetters().checkEvery()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void whenSettingsAreGivenThenTheyOverrideTheDefaults() {
        // given
        settings.putAll(Map.of(
                "switchboard.events.publish-timeout", "3s",
                "switchboard.events.retry.initial-interval", "100ms",
                "switchboard.events.retry.multiplier", "1.5",
                "switchboard.events.retry.max-interval", "10s",
                "switchboard.events.stalls.readiness-down-after", "1m",
                "switchboard.events.stalls.forget-after", "5m",
                "switchboard.events.dead-letters.aged-after", "14d",
                "switchboard.events.dead-letters.check-every", "30s",
                "switchboard.events.trusted-keys.ingress-2025-03", "cHVibGlj",
                "switchboard.events.key-producers.ingress-2025-03", "webhook-ingress"));

        // when
        EventsProperties properties = bind();

        // then
        assertThat(properties.publishTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.retry().policy())
                .isEqualTo(new RetryPolicy(Duration.ofMillis(100), 1.5, Duration.ofSeconds(10)));
        assertThat(properties.stalls().readinessDownAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.stalls().forgetAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.deadLetters().agedAfter()).isEqualTo(Duration.ofDays(14));
        assertThat(properties.deadLetters().checkEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.trustedKeys()).containsExactly(Map.entry("ingress-2025-03", "cHVibGlj"));
        assertThat(properties.keyProducers()).containsExactly(Map.entry("ingress-2025-03", "webhook-ingress"));
    }

    @Test
    void whenATrustedKeyHasNoProducerThenBindingFailsNamingTheProperty() {
        // given
        settings.put("switchboard.events.trusted-keys.ingress-2025-03", "cHVibGlj");

        // when / then
        assertThatThrownBy(this::bind)
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.events.key-producers.ingress-2025-03 is required");
    }

    @Test
    void whenAProducerIsNotAServiceNameThenBindingFailsNamingTheProperty() {
        // given
        settings.put("switchboard.events.trusted-keys.ingress-2025-03", "cHVibGlj");
        settings.put("switchboard.events.key-producers.ingress-2025-03", "Webhook Ingress");

        // when / then
        assertThatThrownBy(this::bind)
                .rootCause()
                .hasMessageContaining("switchboard.events.key-producers.ingress-2025-03 must be a service name");
    }

    @Test
    void whenAProducerNamesAKeyThatIsNotTrustedThenBindingFailsNamingTheProperty() {
        // given
        settings.put("switchboard.events.key-producers.ingres-2025-03", "webhook-ingress");

        // when / then
        assertThatThrownBy(this::bind)
                .rootCause()
                .hasMessageContaining(
                        "switchboard.events.key-producers.ingres-2025-03 names a key that is not trusted");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "publish-timeout,                   0s,    switchboard.events.publish-timeout",
        "publish-timeout,                   -1s,   switchboard.events.publish-timeout",
        "stalls.readiness-down-after,       0s,    switchboard.events.stalls.readiness-down-after",
        "stalls.forget-after,               -5m,   switchboard.events.stalls.forget-after",
        "dead-letters.aged-after,           0d,    switchboard.events.dead-letters.aged-after",
        "dead-letters.check-every,          0s,    switchboard.events.dead-letters.check-every",
    })
    void whenAValueIsOutOfRangeThenBindingFailsNamingTheProperty(String name, String value, String named) {
        // given
        settings.put("switchboard.events." + name, value);

        // when / then
        assertThatThrownBy(this::bind)
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }

    /**
     * Boot's start-up failure report shows the bound prefix and the root cause's message: together
     * they name the retry property.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "retry.initial-interval, 0ms",
        "retry.initial-interval, 40s",
        "retry.multiplier,       0.5",
        "retry.max-interval,     100ms",
    })
    void whenARetrySettingIsOutOfRangeThenBindingFailsNamingTheRetryProperties(String name, String value) {
        // given
        settings.put("switchboard.events." + name, value);

        // when / then
        assertThatThrownBy(this::bind)
                .isInstanceOf(BindException.class)
                .hasMessageContaining("switchboard.events.retry")
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial-interval")
                .hasMessageContaining("max-interval")
                .hasMessageContaining("multiplier");
    }

    @Test
    void whenADurationDoesNotParseThenBindingFailsNamingTheProperty() {
        // given
        settings.put("switchboard.events.stalls.forget-after", "two minutes");

        // when / then
        assertThatThrownBy(this::bind)
                .isInstanceOf(BindException.class)
                .hasMessageContaining("switchboard.events.stalls.forget-after");
    }

    @Test
    void whenTheSourceIsMissingThenBindingFailsNamingIt() {
        // given
        settings.remove("switchboard.events.source");

        // when / then
        assertThatThrownBy(this::bind).rootCause().hasMessageContaining("switchboard.events.source");
    }

    @Test
    void whenTheSigningKeyIsMissingThenBindingFailsNamingIt() {
        // given
        settings.remove("switchboard.events.signing.private-key");

        // when / then
        assertThatThrownBy(this::bind).rootCause().hasMessageContaining("switchboard.events.signing");
    }

    @Test
    void whenShownThenTheSigningKeyStaysHidden() {
        // when
        String shown = bind().toString();

        // then
        assertThat(shown).contains("billing-2025-03").doesNotContain("c2VjcmV0");
    }

    private EventsProperties bind() {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind("switchboard.events", EventsProperties.class)
                .get();
    }
}
