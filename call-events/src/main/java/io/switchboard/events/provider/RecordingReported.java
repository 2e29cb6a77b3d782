package io.switchboard.events.provider;

import java.time.Instant;

/** A provider told us about a call's recording (Twilio: a recording status callback). */
public record RecordingReported(
        String provider,
        String accountId,
        String callId,
        String recordingId,
        String status,
        String url,
        Integer durationSeconds,
        Integer channels,
        Instant receivedAt) {}
