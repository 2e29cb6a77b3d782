package io.switchboard.events.secret;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for secrets carried on topics ({@code switchboard.secrets.*}), set from a secret store,
 * never from yml. Services that seal or open provider credentials need them.
 *
 * @param activeKeyId the key new secrets are sealed with
 * @param keys        AES-256 keys (Base64, 32 bytes) by key id: the active one and any still needed to open older values
 */
@ConfigurationProperties("switchboard.secrets")
public record SecretsProperties(String activeKeyId, Map<String, String> keys) {

    public SecretsProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    @Override
    public String toString() {
        return "SecretsProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
