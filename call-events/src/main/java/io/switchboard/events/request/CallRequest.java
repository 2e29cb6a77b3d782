package io.switchboard.events.request;

import java.time.Instant;
import java.util.Map;

/**
 * A request to place one outbound call, published by internal systems to their call-request topic as
 * plain JSON (schemas/call-request.v1.schema.json). {@code requestId} makes retries idempotent.
 *
 * @param expiresAt when the call is no longer wanted: a request not dialed by then is rejected, not dialed;
 *                  null for no expiry of its own (the dialer's {@code max-request-age} still applies)
 * @param maxDurationSeconds the longest the call may last once answered; null for the dialer's
 *                  {@code max-call-duration}. The time limit the provider is given is the shortest of the two and
 *                  of what the account's wallet can pay for
 * @param machineDetection answering machine detection and what to do on a machine; null for none
 */
public record CallRequest(
        String requestId,
        String accountId,
        String to,
        String from,
        String assistantId,
        Map<String, String> metadata,
        Instant expiresAt,
        Integer maxDurationSeconds,
        MachineDetection machineDetection) {

    public static final String SCHEMA_RESOURCE = "schemas/call-request.v1.schema.json";

    /** A request without machine detection. */
    public CallRequest(
            String requestId,
            String accountId,
            String to,
            String from,
            String assistantId,
            Map<String, String> metadata,
            Instant expiresAt,
            Integer maxDurationSeconds) {
        this(requestId, accountId, to, from, assistantId, metadata, expiresAt, maxDurationSeconds, null);
    }

    /** A request without a duration of its own. */
    public CallRequest(
            String requestId,
            String accountId,
            String to,
            String from,
            String assistantId,
            Map<String, String> metadata,
            Instant expiresAt) {
        this(requestId, accountId, to, from, assistantId, metadata, expiresAt, null, null);
    }

    /** A request without an expiry of its own. */
    public CallRequest(
            String requestId,
            String accountId,
            String to,
            String from,
            String assistantId,
            Map<String, String> metadata) {
        this(requestId, accountId, to, from, assistantId, metadata, null, null, null);
    }
}
