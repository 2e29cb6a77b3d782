package io.switchboard.calllog.call.domain;

import java.time.Instant;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.provider.RecordingReported;
import reactor.core.publisher.Mono;

/**
 * The call log as the listeners write it: each event goes into its call's document. Every write is
 * idempotent, so the listeners can be at-least-once: a redelivered event leaves the document as it was.
 */
public interface CallLogWriter {

    /** Emits {@code true} when the snapshot was applied, {@code false} when the stored call is further along. */
    Mono<Boolean> applyState(CallStateChanged state, Instant eventTime);

    Mono<Void> applyRecording(RecordingReported recording, Instant eventTime);

    Mono<Void> applyPlacement(CallPlaced placed, Instant eventTime);

    Mono<Void> applyCharge(CallCharged charge, Instant eventTime);
}
