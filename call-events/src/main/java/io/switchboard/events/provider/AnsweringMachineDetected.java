package io.switchboard.events.provider;

import java.time.Instant;

/**
 * A provider's answering machine detection finished (Twilio: an async AMD status callback).
 *
 * @param answeredBy                 as the provider says it: human, machine_start, machine_end_beep, fax, unknown…
 * @param machineDetectionDurationMs how long detection took
 * @param requestId                  the call request the dialer placed the call for, from the callback's URL; null
 *                                   for a callback that named none (the account-wide {@code /amd} URL) and in
 *                                   events written before it travelled
 */
public record AnsweringMachineDetected(
        String provider,
        String accountId,
        String callId,
        String answeredBy,
        Integer machineDetectionDurationMs,
        Instant receivedAt,
        String requestId) {

    /** A detection that names no call request, as written before the request travelled. */
    public AnsweringMachineDetected(
            String provider,
            String accountId,
            String callId,
            String answeredBy,
            Integer machineDetectionDurationMs,
            Instant receivedAt) {
        this(provider, accountId, callId, answeredBy, machineDetectionDurationMs, receivedAt, null);
    }
}
