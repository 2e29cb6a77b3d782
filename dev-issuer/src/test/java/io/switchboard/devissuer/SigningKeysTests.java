package io.switchboard.devissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTests {

    @TempDir
    Path directory;

    @Test
    void aRestartedIssuerSignsWithTheKeyItKept() {
        RSAKey first = SigningKeys.loadOrCreate(directory.resolve("keys"));
        RSAKey again = SigningKeys.loadOrCreate(directory.resolve("keys"));

        assertThat(again).isEqualTo(first);
        assertThat(again.isPrivate()).isTrue();
        assertThat(again.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(again.size()).isEqualTo(2048);
    }

    @Test
    void theKeptKeyIsReadableByItsOwnerOnly() throws IOException {
        SigningKeys.loadOrCreate(directory);

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(directory.resolve(SigningKeys.FILE_NAME))))
                .isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(directory.resolve(SigningKeys.FILE_NAME));
        }
    }

    @Test
    void aDamagedKeyFileFailsWithoutQuotingIt() throws IOException {
        Files.writeString(directory.resolve(SigningKeys.FILE_NAME), "{\"kty\":\"RSA\",\"d\":\"secret-part\"");

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SigningKeys.FILE_NAME)
                .hasMessageNotContaining("secret-part");
    }
}
