package io.switchboard.ingress.provider.vapi.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.switchboard.ingress.webhook.domain.BadWebhookException;
import io.switchboard.ingress.webhook.domain.StrictUtf8;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One VAPI server message, {@code {"message": {"type": …, "call": {…}, "timestamp": …, …}}}, read
 * tolerantly: fields we do not use are ignored, a field we use that has the wrong shape is bad
 * input (400) named in the answer, an absent optional field is null. Where VAPI has moved a field
 * (e.g. {@code artifact.transcript}, formerly {@code transcript}), the current place wins.
 */
public final class VapiMessage {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final JsonNode message;

    private VapiMessage(JsonNode message) {
        this.message = message;
    }

    /** @throws BadWebhookException when the body is not a JSON object with a {@code message} that has a {@code type} */
    public static VapiMessage read(byte[] body) {
        StrictUtf8.check(body, "body");
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new BadWebhookException("body is not a JSON document");
        }
        if (root == null || !root.path("message").isObject()) {
            throw new BadWebhookException("message is required and must be an object");
        }
        var message = new VapiMessage(root.get("message"));
        message.required("type");
        return message;
    }

    public String type() {
        return text("type");
    }

    /** VAPI's call id ({@code message.call.id}): our call id, the key and subject of what we publish. */
    public String callId() {
        return required("call", "id");
    }

    /** When VAPI created the message ({@code message.timestamp}, Unix milliseconds), or null. */
    public Instant timestamp() {
        JsonNode node = message.path("timestamp");
        if (absent(node)) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return VapiTimestamps.ofEpoch(node.longValue());
            }
        } catch (JacksonException | java.time.DateTimeException outOfRange) {
            // falls through to the refusal below
        }
        throw new BadWebhookException("message.timestamp is not a Unix time in milliseconds");
    }

    /** The text at {@code message.<path>}, or null when absent, null or blank. */
    public String text(String... path) {
        JsonNode node = at(path);
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            throw new BadWebhookException("message." + String.join(".", path) + " is not a string");
        }
        return node.stringValue().isBlank() ? null : node.stringValue();
    }

    public String required(String... path) {
        String value = text(path);
        if (value == null) {
            throw new BadWebhookException("message." + String.join(".", path) + " is required");
        }
        return value;
    }

    /** An ISO-8601 instant at {@code message.<path>}, or null. */
    public Instant instant(String... path) {
        String value = text(path);
        if (value == null) {
            return null;
        }
        Instant instant = VapiTimestamps.parse(value);
        if (instant == null) {
            throw new BadWebhookException("message." + String.join(".", path) + " is not a date-time");
        }
        return instant;
    }

    /** A number at {@code message.<path>} as an exact decimal (money is never a binary float), or null. */
    public BigDecimal decimal(String... path) {
        JsonNode node = at(path);
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber()) {
            throw new BadWebhookException("message." + String.join(".", path) + " is not a number");
        }
        return node.decimalValue();
    }

    private JsonNode at(String... path) {
        JsonNode node = message;
        for (String name : path) {
            node = node.path(name);
        }
        return node;
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }
}
