package io.switchboard.events.provider;

import java.time.Instant;

/**
 * A provider's answering machine detection finished (Twilio: an async AMD status callback).
 *
 * @param answeredBy                 as the provider says it: human, machine_start, machine_end_beep, fax, unknown…
 * @param machineDetectionDurationMs how long detection took
 */
public record AnsweringMachineDetected(
        String provider,
        String accountId,
        String callId,
        String answeredBy,
        Integer machineDetectionDurationMs,
        Instant receivedAt) {}
