package io.switchboard.events.provider;

import java.time.Instant;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;

/** A provider told us a call's status changed (Twilio: a status callback). */
public record CallStatusReported(
        String provider,
        String accountId,
        String providerAccountId,
        String callId,
        CallStatus status,
        CallDirection direction,
        String from,
        String to,
        Integer durationSeconds,
        Integer sequenceNumber,
        Instant occurredAt,
        String parentCallId,
        String answeredBy,
        String callbackSource,
        Instant receivedAt) {}
