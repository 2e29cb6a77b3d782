package io.switchboard.dialer.provider.twilio.client;

import java.util.Map;

import com.twilio.http.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio answers errors with JSON ({@code code}, {@code message}, {@code status}); whatever sits in
 * front of it may not. An error answer without that JSON is replaced by a Twilio-shaped one that
 * keeps the HTTP status, so the SDK raises an error that still says "503" instead of a parse error.
 */
final class TwilioErrorBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FIRST_ERROR_STATUS = 400;

    private TwilioErrorBodies() {}

    static Response normalize(Response response) {
        if (response == null || response.getStatusCode() < FIRST_ERROR_STATUS) {
            return response;
        }
        String body = response.getContent();
        if (isJsonObject(body)) {
            return new Response(body, response.getStatusCode(), response.getHeaders());
        }
        String replacement = JSON.writeValueAsString(Map.of(
                "status",
                response.getStatusCode(),
                "message",
                "HTTP " + response.getStatusCode() + " without a Twilio error body"));
        return new Response(replacement, response.getStatusCode(), response.getHeaders());
    }

    private static boolean isJsonObject(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }
}
