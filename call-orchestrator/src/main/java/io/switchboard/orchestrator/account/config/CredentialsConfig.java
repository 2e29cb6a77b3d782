package io.switchboard.orchestrator.account.config;

import io.switchboard.events.secret.SecretBox;
import io.switchboard.orchestrator.account.domain.CredentialSealer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orchestrator seals every provider secret it publishes, so it does not start without the keys
 * (call-events provides the {@link SecretBox} only where {@code switchboard.secrets.active-key-id} is set).
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfig {

    static final String MISSING_KEYS = "call-orchestrator seals provider credentials on accounts.v1 and needs "
            + "switchboard.secrets.active-key-id and switchboard.secrets.keys.<key id> (Base64 of 32 random bytes, "
            + "from a secret store, never application.yml; SecretBox.generateKey() makes one)";

    @Bean
    CredentialSealer credentialSealer(ObjectProvider<SecretBox> secretBox) {
        SecretBox box = secretBox.getIfAvailable();
        if (box == null) {
            throw new IllegalStateException(MISSING_KEYS);
        }
        return new CredentialSealer(box);
    }
}
