package io.switchboard.ingress.provider.vapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.switchboard.ingress.provider.vapi.domain.VapiCredential.Verification;
import io.switchboard.ingress.testing.VapiMessages;
import io.switchboard.testsupport.VapiSignatures;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class VapiAuthenticatorTests {

    private static final Instant NOW = Instant.parse("2024-08-14T00:25:09Z");
    private static final String SECRET = "whsec-3f9a1c7e5b";
    private static final VapiCredential SECRET_HEADER = new VapiCredential(SECRET, Verification.SECRET_HEADER);
    private static final VapiCredential HMAC = new VapiCredential(SECRET, Verification.HMAC_SHA256);

    private final VapiAuthenticator authenticator =
            new VapiAuthenticator(VapiSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final byte[] body = VapiMessages.statusUpdate("call-1", "ringing");

    @Test
    void whenSecretHeaderMatchesThenAuthentic() {
        assertThat(authenticator.verify(SECRET_HEADER, headers("X-Vapi-Secret", SECRET), body))
                .isEmpty();
    }

    @Test
    void whenSecretHeaderNameDiffersInCaseThenStillAuthentic() {
        assertThat(authenticator.verify(SECRET_HEADER, headers("x-vapi-secret", SECRET), body))
                .isEmpty();
    }

    @Test
    void whenSecretIsWrongOrAPrefixOfTheSecretThenMismatch() {
        assertThat(authenticator.verify(SECRET_HEADER, headers("X-Vapi-Secret", "whsec-other"), body))
                .contains(VapiRejection.SECRET_MISMATCH);
        assertThat(authenticator.verify(SECRET_HEADER, headers("X-Vapi-Secret", SECRET.substring(0, 5)), body))
                .contains(VapiRejection.SECRET_MISMATCH);
    }

    @Test
    void whenSecretHeaderIsMissingOrBlankThenMissing() {
        assertThat(authenticator.precheck(SECRET_HEADER, new HttpHeaders())).contains(VapiRejection.MISSING_SECRET);
        assertThat(authenticator.verify(SECRET_HEADER, headers("X-Vapi-Secret", " "), body))
                .contains(VapiRejection.MISSING_SECRET);
    }

    @Test
    void whenHmacOverTimestampAndRawBodyMatchesThenAuthentic() {
        String timestamp = String.valueOf(NOW.getEpochSecond());

        assertThat(authenticator.verify(HMAC, signed(timestamp, VapiSignatures.sign(SECRET, timestamp, body)), body))
                .isEmpty();
    }

    @Test
    void whenTimestampIsInMillisecondsOrIsoThenAuthentic() {
        for (String timestamp : new String[] {String.valueOf(NOW.toEpochMilli()), NOW.toString()}) {
            assertThat(authenticator.verify(
                            HMAC, signed(timestamp, VapiSignatures.sign(SECRET, timestamp, body)), body))
                    .as(timestamp)
                    .isEmpty();
        }
    }

    @Test
    void whenSignatureIsUpperCaseHexThenAuthentic() {
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String signature = VapiSignatures.sign(SECRET, timestamp, body).toUpperCase();

        assertThat(authenticator.verify(HMAC, signed(timestamp, signature), body))
                .isEmpty();
    }

    @Test
    void whenBodyIsTamperedThenSignatureMismatch() {
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String signature = VapiSignatures.sign(SECRET, timestamp, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("ringing", "ended ")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(authenticator.verify(HMAC, signed(timestamp, signature), tampered))
                .contains(VapiRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void whenSignedWithAnotherSecretOrTheTimestampIsChangedThenSignatureMismatch() {
        String timestamp = String.valueOf(NOW.getEpochSecond());

        assertThat(authenticator.verify(HMAC, signed(timestamp, VapiSignatures.sign("other", timestamp, body)), body))
                .contains(VapiRejection.SIGNATURE_MISMATCH);
        assertThat(authenticator.verify(
                        HMAC,
                        signed(String.valueOf(NOW.getEpochSecond() + 1), VapiSignatures.sign(SECRET, timestamp, body)),
                        body))
                .contains(VapiRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void whenSignatureIsNotHexThenSignatureMismatch() {
        String timestamp = String.valueOf(NOW.getEpochSecond());

        assertThat(authenticator.verify(HMAC, signed(timestamp, "not-hex!"), body))
                .contains(VapiRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void whenTimestampIsOlderOrNewerThanTheToleranceThenStale() {
        for (Duration offset : new Duration[] {
            Duration.ofMinutes(-5).minusSeconds(1), Duration.ofMinutes(5).plusSeconds(1)
        }) {
            String timestamp = String.valueOf(NOW.plus(offset).getEpochSecond());

            assertThat(authenticator.verify(
                            HMAC, signed(timestamp, VapiSignatures.sign(SECRET, timestamp, body)), body))
                    .as(offset.toString())
                    .contains(VapiRejection.STALE_TIMESTAMP);
        }
    }

    @Test
    void whenTimestampIsJustInsideTheToleranceThenAuthentic() {
        String timestamp = String.valueOf(NOW.minus(Duration.ofMinutes(5)).getEpochSecond());

        assertThat(authenticator.verify(HMAC, signed(timestamp, VapiSignatures.sign(SECRET, timestamp, body)), body))
                .isEmpty();
    }

    @Test
    void whenTimestampIsNotATimeThenBadTimestamp() {
        String timestamp = "yesterday";

        assertThat(authenticator.verify(HMAC, signed(timestamp, VapiSignatures.sign(SECRET, timestamp, body)), body))
                .contains(VapiRejection.BAD_TIMESTAMP);
    }

    @Test
    void whenSignatureOrTimestampHeaderIsMissingThenMissing() {
        var noTimestamp = headers("x-signature", "ab12");

        assertThat(authenticator.precheck(HMAC, new HttpHeaders())).contains(VapiRejection.MISSING_SIGNATURE);
        assertThat(authenticator.precheck(HMAC, noTimestamp)).contains(VapiRejection.MISSING_TIMESTAMP);
        assertThat(authenticator.verify(HMAC, noTimestamp, body)).contains(VapiRejection.MISSING_TIMESTAMP);
    }

    @Test
    void whenHmacCredentialGetsOnlyTheSecretHeaderThenMissingSignature() {
        assertThat(authenticator.verify(HMAC, headers("X-Vapi-Secret", SECRET), body))
                .contains(VapiRejection.MISSING_SIGNATURE);
    }

    @Test
    void whenPrefixIsConfiguredThenTheSignatureMustCarryIt() {
        var prefixed = new VapiAuthenticator(VapiSettings.withPrefix("sha256="), Clock.fixed(NOW, ZoneOffset.UTC));
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String signature = VapiSignatures.sign(SECRET, timestamp, body);

        assertThat(prefixed.verify(HMAC, signed(timestamp, "sha256=" + signature), body))
                .isEmpty();
        assertThat(prefixed.verify(HMAC, signed(timestamp, signature), body))
                .contains(VapiRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void whenCredentialIsPrintedThenTheSecretIsNot() {
        assertThat(HMAC.toString()).doesNotContain(SECRET).contains("hmac-sha256");
    }

    private static HttpHeaders signed(String timestamp, String signature) {
        var headers = headers("x-signature", signature);
        headers.add("x-timestamp", timestamp);
        return headers;
    }

    private static HttpHeaders headers(String name, String value) {
        var headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }
}
