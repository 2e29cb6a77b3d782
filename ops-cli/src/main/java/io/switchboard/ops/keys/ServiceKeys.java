package io.switchboard.ops.keys;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.config.EventsProperties;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.secret.SecretsProperties;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.signing.InvalidSignatureException;
import io.switchboard.ops.RefusedException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The owning service's keys, read from the properties that service reads them from and bound the way
 * Spring Boot binds them there: {@code switchboard.events.signing.*}, {@code .trusted-keys.<id>},
 * {@code .key-producers.<id>} and {@code switchboard.secrets.*}, from a {@code --service-config} file,
 * else {@code SPRING_APPLICATION_JSON}, else environment variables ({@code SWITCHBOARD_EVENTS_SIGNING_KEY_ID}).
 * The signing key must be trusted, as its service's, with the public key that matches it: what it signs
 * must verify at every reader that already trusts it.
 */
final class ServiceKeys {

    private final EventSigner signer;
    private final EventVerifier verifier;
    private final String producer;
    private final SecretBox box;

    private ServiceKeys(EventSigner signer, EventVerifier verifier, String producer, SecretBox box) {
        this.signer = signer;
        this.verifier = verifier;
        this.producer = producer;
        this.box = box;
    }

    static ServiceKeys load(Path serviceConfig) {
        Binder binder = binder(serviceConfig);
        EventsProperties.Signing signing = binder.bind("switchboard.events.signing", EventsProperties.Signing.class)
                .orElse(null);
        if (signing == null || signing.keyId() == null || signing.privateKey() == null) {
            throw new RefusedException("switchboard.events.signing.key-id and .private-key are required: the"
                    + " current key of the service that writes the topic");
        }
        Map<String, String> trusted = binder.bind(
                        "switchboard.events.trusted-keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, String> producers = binder.bind(
                        "switchboard.events.key-producers", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        SecretBox box = binder.bind("switchboard.secrets", SecretsProperties.class)
                .map(ServiceKeys::secretBox)
                .orElse(null);
        EventSigner signer;
        EventVerifier verifier;
        try {
            signer = new EventSigner(signing.keyId(), signing.privateKey());
            verifier = new EventVerifier(trusted, producers);
        } catch (IllegalArgumentException e) {
            throw new RefusedException("switchboard.events.*: " + e.getMessage());
        }
        String producer = producers.get(signing.keyId());
        if (producer == null) {
            throw new RefusedException("the signing key " + signing.keyId() + " is not trusted: set"
                    + " switchboard.events.trusted-keys." + signing.keyId() + " and .key-producers."
                    + signing.keyId() + ", as on every reader, before anything is signed with it");
        }
        requireMatchingKeys(signer, verifier);
        return new ServiceKeys(signer, verifier, producer, box);
    }

    EventSigner signer() {
        return signer;
    }

    /** The producer (service) the signing key belongs to. */
    String producer() {
        return producer;
    }

    /** Verifies as the service does, with every key it trusts; signs with its current key. */
    EventEnvelopes envelopes() {
        return new EventEnvelopes(URI.create("/switchboard/" + producer), signer, verifier);
    }

    /** The sealing keys, when the service holds any ({@code switchboard.secrets.*}). */
    Optional<SecretBox> box() {
        return Optional.ofNullable(box);
    }

    /** Null when the service seals nothing (no active key). */
    private static SecretBox secretBox(SecretsProperties secrets) {
        if (secrets.activeKeyId() == null) {
            return null;
        }
        try {
            return new SecretBox(secrets.activeKeyId(), secrets.keys());
        } catch (IllegalArgumentException e) {
            throw new RefusedException("switchboard.secrets.*: " + e.getMessage());
        }
    }

    /** A private key that does not match its trusted public key would sign records no reader accepts. */
    private static void requireMatchingKeys(EventSigner signer, EventVerifier verifier) {
        CloudEvent probe = CloudEventBuilder.v1()
                .withId("switchboard-ops-key-probe")
                .withType("switchboard.ops.key-probe.v1")
                .withSource(URI.create("/switchboard/ops-cli"))
                .withTime(Instant.EPOCH.atOffset(ZoneOffset.UTC))
                .build();
        try {
            verifier.verify(signer.sign(probe));
        } catch (InvalidSignatureException e) {
            throw new RefusedException("the private key of " + signer.keyId()
                    + " does not match switchboard.events.trusted-keys." + signer.keyId());
        }
    }

    /** The file first, then what the service itself would read: SPRING_APPLICATION_JSON, then the environment. */
    private static Binder binder(Path serviceConfig) {
        var environment = new StandardEnvironment();
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        if (serviceConfig != null) {
            environment
                    .getPropertySources()
                    .addFirst(new PropertiesPropertySource("--service-config", read(serviceConfig)));
        }
        return Binder.get(environment);
    }

    private static Properties read(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new RefusedException("cannot read --service-config " + file + ": " + e);
        }
        return properties;
    }
}
