package io.switchboard.events.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTests {

    private static final String K1 = SecretBox.generateKey();
    private static final String K2 = SecretBox.generateKey();
    private static final String TOKEN = "9f3c2a1b0d8e7f6a5b4c3d2e1f0a9b8c";

    private final SecretBox box = new SecretBox("k1", Map.of("k1", K1));

    @Test
    void whenSealedThenItOpensToThePlaintextForTheSameAccount() {
        String sealed = box.seal(TOKEN, "acme");

        assertThat(sealed).matches("^v1:k1:[A-Za-z0-9+/=]+$").doesNotContain(TOKEN);
        assertThat(box.open(sealed, "acme")).isEqualTo(TOKEN);
    }

    @Test
    void whenSealedTwiceThenValuesDifferButBothOpen() {
        String first = box.seal(TOKEN, "acme");
        String second = box.seal(TOKEN, "acme");

        assertThat(first).isNotEqualTo(second);
        assertThat(box.open(second, "acme")).isEqualTo(box.open(first, "acme"));
    }

    @Test
    void whenOpenedForAnotherAccountThenItFails() {
        String sealed = box.seal(TOKEN, "acme");

        assertThatThrownBy(() -> box.open(sealed, "globex"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("authentication");
    }

    @Test
    void whenCiphertextIsAlteredThenItFails() {
        String sealed = box.seal(TOKEN, "acme");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        bytes[bytes.length - 20] ^= 0x01;
        String altered = "v1:k1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(altered, "acme")).isInstanceOf(SecretException.class);
    }

    @Test
    void whenSealedWithAKeyIdTheBoxDoesNotHoldThenItFailsNamingTheKeyId() {
        String sealed = new SecretBox("k9", Map.of("k9", K2)).seal(TOKEN, "acme");

        assertThatThrownBy(() -> box.open(sealed, "acme"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("unknown key id k9");
    }

    @Test
    void whenTheKeyIdIsReusedForAnotherKeyThenItFails() {
        String sealed = new SecretBox("k1", Map.of("k1", K2)).seal(TOKEN, "acme");

        assertThatThrownBy(() -> box.open(sealed, "acme")).isInstanceOf(SecretException.class);
    }

    @Test
    void whenKeysRotateThenValuesSealedWithTheOldKeyStillOpenAndNewOnesUseTheNewKey() {
        String old = box.seal(TOKEN, "acme");
        SecretBox rotated = new SecretBox("k2", Map.of("k1", K1, "k2", K2));

        String fresh = rotated.seal(TOKEN, "acme");

        assertThat(rotated.open(old, "acme")).isEqualTo(TOKEN);
        assertThat(fresh).startsWith("v1:k2:");
        assertThat(rotated.activeKeyId()).isEqualTo("k2");
        assertThat(rotated.isSealedWithActiveKey(fresh)).isTrue();
        assertThat(rotated.isSealedWithActiveKey(old)).isFalse();
        assertThat(rotated.open(fresh, "acme")).isEqualTo(TOKEN);
        assertThatThrownBy(() -> box.open(fresh, "acme")).isInstanceOf(SecretException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "plain-token",
                "v1:k1",
                "v2:k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "v1:k1:not base64!",
                "v1:k1:AAAAAAAAAAAAAAAA",
                "v1:k1:" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void whenValueIsMalformedThenOpenFailsWithASecretException(String malformed) {
        assertThatThrownBy(() -> box.open(malformed, "acme")).isInstanceOf(SecretException.class);
    }

    @Test
    void whenKeysAreInvalidThenTheBoxRefusesToStartWithoutQuotingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SecretBox("k2", Map.of("k1", K1)))
                .withMessageContaining("k2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SecretBox("k1", Map.of("k1", shortKey)))
                .withMessageContaining("32 bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SecretBox("k1", Map.of("k1", "s3cr#t-not-base64")))
                .withMessageContaining("not Base64")
                .withMessageNotContaining("s3cr")
                .withMessageNotContaining("#");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SecretBox("a:b", Map.of("a:b", K1)))
                .withMessageContaining("key id");
    }

    @Test
    void whenAskedWhichKeySealedAValueThenItNamesTheKeyIdAndNothingForAnythingElse() {
        String sealed = new SecretBox("k2", Map.of("k1", K1, "k2", K2)).seal(TOKEN, "acme");

        assertThat(SecretBox.keyIdOf(sealed)).contains("k2");
        assertThat(SecretBox.keyIdOf(box.seal(TOKEN, "acme"))).contains("k1");
        assertThat(SecretBox.keyIdOf(TOKEN)).isEmpty();
        assertThat(SecretBox.keyIdOf("v2:k1:abc")).isEmpty();
        assertThat(SecretBox.keyIdOf(null)).isEmpty();
    }

    @Test
    void whenPrintedThenOnlyKeyIdsShow() {
        SecretBox rotated = new SecretBox("k2", Map.of("k1", K1, "k2", K2));
        SecretsProperties properties = new SecretsProperties("k2", Map.of("k1", K1, "k2", K2));

        assertThat(rotated.toString()).contains("k1", "k2").doesNotContain(K1, K2);
        assertThat(properties.toString()).contains("k1", "k2").doesNotContain(K1, K2);
    }

    @Test
    void whenKeyGeneratedThenItIs32RandomBytesInBase64() {
        assertThat(Base64.getDecoder().decode(SecretBox.generateKey())).hasSize(32);
        assertThat(SecretBox.generateKey()).isNotEqualTo(SecretBox.generateKey());
    }
}
