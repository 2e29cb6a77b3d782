package io.switchboard.events.provider;

import java.time.Instant;

/**
 * A provider told us the AI assistant on a call has gone quiet for longer than it should (VAPI:
 * the {@code hang} server message, sent when the model, the voice or a tool is slow to answer).
 * The call goes on: this is not a call status and not a hang-up.
 *
 * @param occurredAt when the provider noticed it; null when it did not say
 */
public record AssistantHangReported(
        String provider, String accountId, String callId, Instant occurredAt, Instant receivedAt) {}
