package io.switchboard.events.request;

import java.util.Map;

/**
 * A request to place one outbound call, published by internal systems to {@code call-requests.v1}
 * as plain JSON (schemas/call-request.v1.schema.json). {@code requestId} makes retries idempotent.
 */
public record CallRequest(
        String requestId, String accountId, String to, String from, String assistantId, Map<String, String> metadata) {

    public static final String SCHEMA_RESOURCE = "schemas/call-request.v1.schema.json";
}
