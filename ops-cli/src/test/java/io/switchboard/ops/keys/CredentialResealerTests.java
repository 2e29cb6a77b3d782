package io.switchboard.ops.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.secret.SecretException;
import org.junit.jupiter.api.Test;

class CredentialResealerTests {

    private static final String OLD_KEY = SecretBox.generateKey();
    private static final String NEW_KEY = SecretBox.generateKey();

    private final SecretBox oldBox = new SecretBox("old", Map.of("old", OLD_KEY));
    private final SecretBox rotated = new SecretBox("new", Map.of("old", OLD_KEY, "new", NEW_KEY));
    private final CredentialResealer resealer = new CredentialResealer(rotated);

    @Test
    void whenResealedThenEveryCredentialIsSealedWithTheActiveKeyForItsAccountAndOpensToTheSameSecret() {
        byte[] data = EventJson.write(Snapshots.account("acme", 4, "token-1", oldBox));

        AccountConfigured resealed = EventJson.read(resealer.reseal(data), AccountConfigured.class);

        String sealed = resealed.credentials().getFirst().sealedSecret();
        assertThat(SecretBox.keyIdOf(sealed)).contains("new");
        assertThat(new SecretBox("new", Map.of("new", NEW_KEY)).open(sealed, "acme"))
                .isEqualTo("token-1");
        assertThat(resealed.revision()).isEqualTo(4);
        assertThat(resealed.numbers())
                .isEqualTo(Snapshots.account("acme", 4, "x", oldBox).numbers());
    }

    @Test
    void whenTheDataHoldsPropertiesThisVersionDoesNotKnowThenTheyStayAsWritten() {
        String written =
                new String(EventJson.write(Snapshots.account("acme", 1, "token-1", oldBox)), StandardCharsets.UTF_8);
        byte[] data = written.replaceFirst("\\{", "{\"closesAt\":\"2026-01-01T00:00:00Z\",")
                .getBytes(StandardCharsets.UTF_8);

        String resealed = new String(resealer.reseal(data), StandardCharsets.UTF_8);

        assertThat(resealed).contains("\"closesAt\":\"2026-01-01T00:00:00Z\"");
    }

    @Test
    void whenEveryCredentialIsSealedWithTheActiveKeyAlreadyThenTheDataIsLeftByteForByte() {
        byte[] data = EventJson.write(Snapshots.account("acme", 1, "token-1", rotated));

        assertThat(resealer.reseal(data)).isSameAs(data);
    }

    @Test
    void whenACredentialIsSealedWithAKeyNotHeldThenItFailsAndNothingIsResealed() {
        SecretBox foreign = new SecretBox("foreign", Map.of("foreign", SecretBox.generateKey()));
        byte[] data = EventJson.write(Snapshots.account("acme", 1, "token-1", foreign));

        assertThatThrownBy(() -> resealer.reseal(data))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("foreign");
    }
}
