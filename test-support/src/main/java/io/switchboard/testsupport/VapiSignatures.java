package io.switchboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs like a VAPI HMAC credential with its defaults, for tests: {@code x-signature} is
 * hex(HMAC-SHA256(secret, timestamp + "." + raw body)), {@code x-timestamp} the epoch seconds.
 */
public final class VapiSignatures {

    public static final String SIGNATURE_HEADER = "x-signature";
    public static final String TIMESTAMP_HEADER = "x-timestamp";

    private VapiSignatures() {}

    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A timestamp for now, as VAPI sends it. */
    public static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }
}
