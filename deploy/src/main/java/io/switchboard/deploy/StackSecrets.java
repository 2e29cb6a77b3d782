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
 * credentials on {@code accounts.v1}, the simulated Twilio account's credentials, and the secret of the
 * stack's client at the development token issuer. Generated once and kept in the data directory
 * (owner-only), because the topics keep events signed with them across restarts.
 */
record StackSecrets(
        Map<String, Ed25519Keys.KeyPair> signingKeys,
        String twilioAccountSid,
        String twilioAuthToken,
        String secretBoxKeyId,
        String secretBoxKey,
        String issuerClientSecret) {

    static final String FILE_NAME = "secrets.json";

    /** The secrets of a stack that has run in this data directory; {@code ./dev token} reads them. */
    static StackSecrets load(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No " + file + ": start the stack first (./dev up)");
        }
        StackSecrets secrets = EventJson.mapper().readValue(file.toFile(), StackSecrets.class);
        if (secrets.issuerClientSecret() == null) {
            throw new IllegalStateException(file + " has no issuer client secret yet: restart the stack (./dev up)");
        }
        return secrets;
    }

    static StackSecrets loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
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
            if (service != StackService.DEV_ISSUER) {
                keys.put(service.module(), Ed25519Keys.generate(service.module() + "-1"));
            }
        }
        return new StackSecrets(
                keys, "AC" + randomHex(16), randomHex(16), "local-1", SecretBox.generateKey(), randomHex(32));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Secrets kept by an older stack get what later versions added; what they had stays. */
    private StackSecrets completed() {
        boolean hasSecretBox = secretBoxKey != null;
        return new StackSecrets(
                signingKeys,
                twilioAccountSid,
                twilioAuthToken,
                hasSecretBox ? secretBoxKeyId : "local-1",
                hasSecretBox ? secretBoxKey : SecretBox.generateKey(),
                issuerClientSecret != null ? issuerClientSecret : randomHex(32));
    }

    /** Every service trusts every service's public key, each as the key of its service ({@link #keyProducers()}). */
    Map<String, String> trustedKeys() {
        var trusted = new LinkedHashMap<String, String>();
        signingKeys.values().forEach(k -> trusted.put(k.keyId(), k.publicKey()));
        return trusted;
    }

    /**
     * The producer each trusted key belongs to: the service module that signs with it, so that a key may
     * sign only the event types its service owns.
     */
    Map<String, String> keyProducers() {
        var producers = new LinkedHashMap<String, String>();
        signingKeys.forEach((module, k) -> producers.put(k.keyId(), module));
        return producers;
    }

    @Override
    public String toString() {
        return "StackSecrets[twilioAccountSid=" + twilioAccountSid + "]";
    }
}
