package io.switchboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs like Twilio does, for tests, written independently of the services that verify it:
 * X-Twilio-Signature is Base64(HMAC-SHA1(auth token, URL + every form key and value, sorted by key, then
 * by value for a repeated key)). The URL is exactly the one requested, query string included.
 */
public final class TwilioSignatures {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignatures() {}

    public static String sign(String authToken, String url, Map<String, String> params) {
        var fields = new TreeMap<String, List<String>>();
        params.forEach((key, value) -> fields.put(key, List.of(value)));
        return signFields(authToken, url, fields);
    }

    /** The same for a form in which a key may repeat. */
    public static String signFields(String authToken, String url, Map<String, List<String>> fields) {
        var data = new StringBuilder(url);
        new TreeMap<>(fields)
                .forEach((key, values) -> values.stream()
                        .sorted()
                        .forEach(value -> data.append(key).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex SHA-256 Twilio puts in the URL of a JSON webhook as {@code bodySHA256}. */
    public static String bodySha256(String body) {
        return bodySha256(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same for a body that need not be text (e.g. not UTF-8). */
    public static String bodySha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
