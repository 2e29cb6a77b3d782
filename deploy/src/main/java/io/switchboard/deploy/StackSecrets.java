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
import io.switchboard.events.signing.Ed25519Keys;

/**
 * The local stack's secrets: an event-signing key pair per service and the simulated Twilio
 * account's credentials. Generated once and kept in the data directory (owner-only), because the
 * topics keep events signed with them across restarts.
 */
record StackSecrets(Map<String, Ed25519Keys.KeyPair> signingKeys, String twilioAccountSid, String twilioAuthToken) {

    static StackSecrets loadOrCreate(Path directory) {
        Path file = directory.resolve("secrets.json");
        try {
            if (Files.exists(file)) {
                return EventJson.mapper().readValue(file.toFile(), StackSecrets.class);
            }
            var keys = new LinkedHashMap<String, Ed25519Keys.KeyPair>();
            for (StackService service : StackService.values()) {
                keys.put(service.module(), Ed25519Keys.generate(service.module() + "-1"));
            }
            var random = new SecureRandom();
            var hex = HexFormat.of();
            var secrets = new StackSecrets(keys, "AC" + hex.formatHex(random.generateSeed(16)),
                    hex.formatHex(random.generateSeed(16)));
            Files.createDirectories(directory);
            Files.writeString(file, EventJson.mapper().writeValueAsString(secrets));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
