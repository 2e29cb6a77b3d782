package io.switchboard.calllog.call.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call as the log knows it. Parts arrive independently (state, recording, cost), so any of them
 * may still be missing: a recording or a charge can be logged before the call's state.
 *
 * @param metadata   the call request's metadata, from the dialer's {@code CallPlaced}: empty when the call has
 *                   none (yet), null when it is withheld from a caller without {@code calls:pii}
 * @param answeredBy who answered, from the provider's answering machine detection as the orchestrator's state
 *                   carries it (human, machine_start, machine_end_beep, fax, unknown…); null when none is known.
 *                   Not personal data: shown to every caller
 */
public record CallRecord(
        String callId,
        String accountId,
        String direction,
        String from,
        String to,
        String assistantId,
        String requestId,
        Map<String, String> metadata,
        String status,
        List<Transition> timeline,
        Integer durationSeconds,
        String answeredBy,
        Instant startedAt,
        Instant endedAt,
        Recording recording,
        Cost cost,
        Instant updatedAt) {

    public CallRecord {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** One status change: the status, when the provider says it happened, the provider's sequence. */
    public record Transition(String status, Instant at, Integer sequenceNumber) {}

    public record Recording(String recordingId, String url, Integer durationSeconds, String status) {}

    public record Cost(BigDecimal amount, String currency, Integer billedMinutes, BigDecimal pricePerMinute) {}
}
