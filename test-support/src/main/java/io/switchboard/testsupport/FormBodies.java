package io.switchboard.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Form fields as a provider sends them on the wire: {@code application/x-www-form-urlencoded}, UTF-8, in order. */
public final class FormBodies {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormBodies() {}

    public static String encode(Map<String, String> form) {
        var body = new StringBuilder();
        form.forEach((key, value) -> append(body, key, value));
        return body.toString();
    }

    /** Every value of every field, in order: a repeated key appears once per value. */
    public static String encodeFields(Map<String, List<String>> fields) {
        var body = new StringBuilder();
        fields.forEach((key, values) -> values.forEach(value -> append(body, key, value)));
        return body.toString();
    }

    private static void append(StringBuilder body, String key, String value) {
        body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
