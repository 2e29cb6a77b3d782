package io.switchboard.orchestrator.support;

import java.util.Map;

import io.switchboard.events.secret.SecretBox;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Secret-sealing keys for tests: one key per test JVM, given to the service under test as
 * {@code switchboard.secrets.*} properties and to tests as a {@link SecretBox} that opens what it sealed.
 */
public final class TestSecrets {

    public static final String KEY_ID = "test-k1";
    private static final String KEY = SecretBox.generateKey();

    private TestSecrets() {
    }

    public static SecretBox box() {
        return new SecretBox(KEY_ID, Map.of(KEY_ID, KEY));
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("switchboard.secrets.active-key-id", () -> KEY_ID);
        registry.add("switchboard.secrets.keys." + KEY_ID, () -> KEY);
    }
}
