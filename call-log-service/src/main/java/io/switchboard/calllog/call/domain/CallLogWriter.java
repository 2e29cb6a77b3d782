package io.switchboard.calllog.call.domain;

import java.time.Instant;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.provider.RecordingReported;
import reactor.core.publisher.Mono;

/**
 * The call log as the listeners write it: each event goes into the document of its call, named by its
 * {@link CallKey} (provider, account, provider call id), so that another account's event about the same
 * provider call id goes to that account's call and never touches this one. Every write is idempotent,
 * so the listeners can be at-least-once: a redelivered event leaves the document as it was.
 */
public interface CallLogWriter {

    /** Emits {@code true} when the snapshot was applied, {@code false} when the stored call is further along. */
    Mono<Boolean> applyState(CallKey call, CallStateChanged state, Instant eventTime);

    Mono<Void> applyRecording(CallKey call, RecordingReported recording, Instant eventTime);

    Mono<Void> applyPlacement(CallKey call, CallPlaced placed, Instant eventTime);

    Mono<Void> applyCharge(CallKey call, CallCharged charge, Instant eventTime);
}
