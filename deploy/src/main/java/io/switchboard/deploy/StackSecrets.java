package io.switchboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.signing.Ed25519Keys;

/**
 * The local stack's secrets: an event-signing key pair per service, the key that seals provider
 * credentials on {@code accounts.v1}, and the simulated Twilio account's credentials. Generated once and kept in the data directory (owner-only), because the
 * topics keep events signed with them across restarts.
 */
record StackSecrets(
        Map<String, Ed25519Keys.KeyPair> signingKeys,
        String twilioAccountSid,
        String twilioAuthToken,
        String secretBoxKeyId,
        String secretBoxKey) {

    static StackSecrets loadOrCreate(Path directory) {
        Path file = directory.resolve("secrets.json");
        try {
            StackSecrets secrets = Files.exists(file)
                    ? EventJson.mapper()
                            .readValue(file.toFile(), StackSecrets.class)
                            .completed()
                    : generated();
            Files.createDirectories(directory);
            Files.writeString(file, EventJson.mapper().writeValueAsString(secrets));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StackSecrets generated() {
        var keys = new LinkedHashMap<String, Ed25519Keys.KeyPair>();
        for (StackService service : StackService.values()) {
            keys.put(service.module(), Ed25519Keys.generate(service.module() + "-1"));
        }
        return new StackSecrets(keys, "AC" + randomHex(16), randomHex(16), "local-1", SecretBox.generateKey());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Secrets kept by an older stack get what later versions added; what they had stays. */
    private StackSecrets completed() {
        if (secretBoxKey != null) {
            return this;
        }
        return new StackSecrets(signingKeys, twilioAccountSid, twilioAuthToken, "local-1", SecretBox.generateKey());
    }

    /** Every service trusts every service's public key. */
    Map<String, String> trustedKeys() {
        var trusted = new LinkedHashMap<String, String>();
        signingKeys.values().forEach(k -> trusted.put(k.keyId(), k.publicKey()));
        return trusted;
    }

    @Override
    public String toString() {
        return "StackSecrets[twilioAccountSid=" + twilioAccountSid + "]";
    }
}
