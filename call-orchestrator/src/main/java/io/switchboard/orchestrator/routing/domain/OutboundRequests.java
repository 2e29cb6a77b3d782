package io.switchboard.orchestrator.routing.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.events.dialer.DialIntentRecorded;

/**
 * The recent call requests the dialer is placing, by account and request id, so an outbound call its
 * callee answers is connected as its request asked. Fed from {@code dialer-intents.v1}, whose intended
 * record is committed before the provider is asked for the call, and so almost always read here before
 * the callee picks up; {@link #await} covers the rest. Requests older than the retention are forgotten.
 */
public class OutboundRequests {

    /** What the answer needs of a request. */
    public record OutboundRequest(String assistantId, Map<String, String> metadata, Instant recordedAt) {}

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Map<String, OutboundRequest> byKey = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Clock clock;
    private volatile Instant lastSweep = Instant.MIN;

    public OutboundRequests(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * The first record of a request that may be dialed carries its context; later ones keep it. A rejection or a
     * cancellation ends it; a request still scheduled is not a call yet (it may be due months from now), and a
     * recurring series never is one: each of its occurrences is a request of its own.
     */
    public void apply(DialIntentRecorded intent) {
        switch (intent.state()) {
            case REJECTED, CANCELLED -> {
                byKey.remove(intent.key());
                return;
            }
            case SCHEDULED -> {
                return;
            }
            default -> {}
        }
        byKey.putIfAbsent(
                intent.key(), new OutboundRequest(intent.assistantId(), intent.metadata(), intent.recordedAt()));
        Instant now = clock.instant();
        if (lastSweep.plus(SWEEP_EVERY).isBefore(now)) {
            lastSweep = now;
            byKey.values().removeIf(request -> request.recordedAt().isBefore(now.minus(retention)));
        }
    }

    public Optional<OutboundRequest> find(String accountId, String requestId) {
        return Optional.ofNullable(byKey.get(DialIntentRecorded.key(accountId, requestId)));
    }

    /** Waits up to {@code wait} for a request not read yet, checking every few milliseconds. */
    public Optional<OutboundRequest> await(String accountId, String requestId, Duration wait) {
        Instant until = clock.instant().plus(wait);
        Optional<OutboundRequest> found = find(accountId, requestId);
        while (found.isEmpty() && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = find(accountId, requestId);
        }
        return found;
    }

    public Duration retention() {
        return retention;
    }
}
