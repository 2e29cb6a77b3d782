package io.switchboard.ingress.webhook.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.ingress.webhook.domain.BadWebhookException;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body strictly: every value of every field in
 * the order sent, {@code +} as space, a broken {@code %XX} escape or bytes that are not UTF-8 are
 * bad input (400) rather than silently replaced, since the signature is computed over the decoded text.
 */
final class FormBody {

    private FormBody() {}

    static Map<String, List<String>> parse(byte[] body) {
        var fields = new LinkedHashMap<String, List<String>>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    addField(fields, body, start, i);
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private static void addField(Map<String, List<String>> fields, byte[] body, int from, int to) {
        int equals = from;
        while (equals < to && body[equals] != '=') {
            equals++;
        }
        String name = decode(body, from, equals);
        String value = equals < to ? decode(body, equals + 1, to) : "";
        fields.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
    }

    private static String decode(byte[] body, int from, int to) {
        byte[] out = new byte[to - from];
        int length = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new BadWebhookException("form body has a truncated %-escape");
                }
                int high = hex(body[i + 1]);
                int low = hex(body[i + 2]);
                if (high < 0 || low < 0) {
                    throw new BadWebhookException("form body has an invalid %-escape");
                }
                b = (byte) ((high << 4) | low);
                i += 2;
            }
            ascii &= b >= 0;
            out[length++] = b;
        }
        if (ascii) {
            return new String(out, 0, length, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(out, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadWebhookException("form body is not valid UTF-8");
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
