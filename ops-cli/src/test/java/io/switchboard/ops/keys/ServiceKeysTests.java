package io.switchboard.ops.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.signing.Ed25519Keys;
import io.switchboard.ops.RefusedException;
import io.switchboard.testsupport.TestKeyRotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceKeysTests {

    private final TestKeyRotation rotation = TestKeyRotation.of(EventProducers.CALL_ORCHESTRATOR);

    @TempDir
    private Path directory;

    @Test
    void whenTheServiceConfigHoldsTheKeysThenItSignsWithTheCurrentOneAsItsService() throws IOException {
        ServiceKeys keys = ServiceKeys.load(file(rotation.serviceProperties()));

        assertThat(keys.producer()).isEqualTo(EventProducers.CALL_ORCHESTRATOR);
        assertThat(keys.signer().keyId()).isEqualTo(rotation.newKey().keyId());
        assertThat(keys.box())
                .get()
                .satisfies(box -> assertThat(box.activeKeyId()).isEqualTo(rotation.newSealingKeyId()));
    }

    @Test
    void whenTheSigningKeyIsNotTrustedThenItIsRefused() throws IOException {
        var properties = new java.util.HashMap<>(rotation.serviceProperties());
        properties.remove("switchboard.events.trusted-keys." + rotation.newKey().keyId());
        properties.remove(
                "switchboard.events.key-producers." + rotation.newKey().keyId());

        assertThatThrownBy(() -> ServiceKeys.load(file(properties)))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("the signing key " + rotation.newKey().keyId() + " is not trusted");
    }

    @Test
    void whenThePrivateKeyDoesNotMatchItsTrustedPublicKeyThenItIsRefused() throws IOException {
        var properties = new java.util.HashMap<>(rotation.serviceProperties());
        properties.put(
                "switchboard.events.signing.private-key",
                Ed25519Keys.generate("other").privateKey());

        assertThatThrownBy(() -> ServiceKeys.load(file(properties)))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("does not match switchboard.events.trusted-keys."
                        + rotation.newKey().keyId());
    }

    @Test
    void whenThereIsNoSigningKeyThenItIsRefusedNamingTheProperties() throws IOException {
        assertThatThrownBy(() -> ServiceKeys.load(file(Map.of())))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("switchboard.events.signing.key-id and .private-key are required");
    }

    private Path file(Map<String, String> values) throws IOException {
        Path file = Files.createTempFile(directory, "service", ".properties");
        var properties = new Properties();
        properties.putAll(values);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }
}
