package io.switchboard.devissuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The issuer's RS256 signing key, generated once and kept as a JWK in the key directory (owner-only),
 * so that a restarted issuer still signs with, and publishes, the key earlier tokens were signed with.
 */
final class SigningKeys {

    static final String FILE_NAME = "signing-key.jwk.json";
    private static final int KEY_SIZE = 2048;

    private SigningKeys() {}

    /** The kept key, or a new one written first; a kept file that is not an RSA private JWK fails start-up. */
    static RSAKey loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            RSAKey key = generate();
            write(directory, file, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing key in " + directory, e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate() || key.getKeyID() == null) {
                throw new IllegalStateException(file + " does not hold an RSA private key with a key id");
            }
            return key;
        } catch (ParseException e) {
            // The parser's message may quote the file: say only where it is.
            throw new IllegalStateException(file + " is not a JWK (delete it to start over with a new key)");
        }
    }

    private static RSAKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Written beside the target and moved into place, so a reader never sees half a key. */
    private static void write(Path directory, Path file, RSAKey key) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp");
        try {
            if (posix) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
