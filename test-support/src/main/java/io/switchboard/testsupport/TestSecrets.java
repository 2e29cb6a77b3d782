package io.switchboard.testsupport;

import java.util.Map;

import io.switchboard.events.secret.SecretBox;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The run's key for sealing provider credentials on accounts.v1: given to the service under test as
 * {@code switchboard.secrets.*} properties, and to tests as a {@link SecretBox} that seals and opens
 * with it (what the orchestrator seals with and the ingress opens with).
 */
public final class TestSecrets {

    public static final String KEY_ID = "test-key";
    private static final String KEY = SecretBox.generateKey();

    private TestSecrets() {}

    public static SecretBox box() {
        return new SecretBox(KEY_ID, Map.of(KEY_ID, KEY));
    }

    /** A box with a key the service under test does not hold: what it seals cannot be opened there. */
    public static SecretBox foreignBox() {
        return new SecretBox("foreign-key", Map.of("foreign-key", SecretBox.generateKey()));
    }

    /** The run's key, Base64: for a service started with its properties as arguments. */
    public static String key() {
        return KEY;
    }

    /** For a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("switchboard.secrets.active-key-id", () -> KEY_ID);
        registry.add("switchboard.secrets.keys." + KEY_ID, () -> KEY);
    }
}
