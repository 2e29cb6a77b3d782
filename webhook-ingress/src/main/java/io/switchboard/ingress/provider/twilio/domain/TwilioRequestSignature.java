package io.switchboard.ingress.provider.twilio.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.switchboard.ingress.webhook.domain.PublicUrl;

/**
 * Twilio's request signature: Base64(HMAC-SHA1(auth token, URL + each field name followed by its
 * value, sorted by name and, for a name sent more than once, by value)). Our own implementation
 * rather than the SDK's RequestValidator, which rebuilds (and re-encodes) the query string when it
 * adds or removes the port. Every comparison is constant-time ({@link MessageDigest#isEqual}). The
 * first matching candidate ends the check: which public variant of the URL matched is no secret, and a
 * signature that matches none is checked against every candidate, so its timing says nothing.
 */
final class TwilioRequestSignature {

    private TwilioRequestSignature() {}

    /**
     * Whether the signature matches the URL as sent, with the scheme's default port or without it
     * (Twilio signs either, depending on the product), and the fields. Where a name repeats an
     * identical value, the variant without the repeat is tried too (twilio-node drops it, twilio-python keeps it).
     */
    static boolean matches(String authToken, String signature, PublicUrl url, Map<String, List<String>> fields) {
        byte[] expected = signature.getBytes(StandardCharsets.US_ASCII);
        Mac mac = hmac(authToken);
        List<byte[]> signedFieldsCandidates = fieldCandidates(fields);
        for (String candidateUrl : urlCandidates(url)) {
            byte[] urlBytes = candidateUrl.getBytes(StandardCharsets.UTF_8);
            for (byte[] signedFields : signedFieldsCandidates) {
                mac.update(urlBytes);
                if (MessageDigest.isEqual(expected, Base64.getEncoder().encode(mac.doFinal(signedFields)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code hex(SHA-256(body))} equals the {@code bodySHA256} Twilio put in the URL (any letter case). */
    static boolean bodyMatches(byte[] body, String expectedHex) {
        try {
            byte[] actual = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(
                    actual, expectedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static Set<String> urlCandidates(PublicUrl url) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add(url.toString());
        urls.add(url.withDefaultPort().toString());
        urls.add(url.withoutDefaultPort().toString());
        return urls;
    }

    /** The fields as signed (each name followed by its value), with and, when it differs, without repeated pairs. */
    private static List<byte[]> fieldCandidates(Map<String, List<String>> fields) {
        var all = new StringBuilder(1024);
        var distinct = new StringBuilder(1024);
        boolean repeats = false;
        String[] names = fields.keySet().toArray(String[]::new);
        Arrays.sort(names);
        for (String name : names) {
            List<String> values = fields.get(name);
            if (values.size() > 1) {
                values = values.stream().sorted().toList();
            }
            for (int i = 0; i < values.size(); i++) {
                all.append(name).append(values.get(i));
                if (i == 0 || !values.get(i).equals(values.get(i - 1))) {
                    distinct.append(name).append(values.get(i));
                } else {
                    repeats = true;
                }
            }
        }
        byte[] allBytes = all.toString().getBytes(StandardCharsets.UTF_8);
        return repeats ? List.of(allBytes, distinct.toString().getBytes(StandardCharsets.UTF_8)) : List.of(allBytes);
    }

    private static Mac hmac(String authToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
