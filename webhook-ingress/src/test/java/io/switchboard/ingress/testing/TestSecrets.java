package io.switchboard.ingress.testing;

import java.util.Map;

import io.switchboard.events.secret.SecretBox;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The run's AES key for provider credentials on accounts.v1: what the orchestrator seals with and we open with. */
public final class TestSecrets {

    public static final String KEY_ID = "test-key";
    private static final String KEY = SecretBox.generateKey();

    private TestSecrets() {
    }

    public static SecretBox box() {
        return new SecretBox(KEY_ID, Map.of(KEY_ID, KEY));
    }

    /** A box with a key the ingress does not hold: what it seals cannot be opened there. */
    public static SecretBox foreignBox() {
        return new SecretBox("foreign-key", Map.of("foreign-key", SecretBox.generateKey()));
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("switchboard.secrets.active-key-id", () -> KEY_ID);
        registry.add("switchboard.secrets.keys." + KEY_ID, () -> KEY);
    }
}
