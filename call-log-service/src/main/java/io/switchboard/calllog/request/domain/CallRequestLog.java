package io.switchboard.calllog.request.domain;

import io.switchboard.events.dialer.CallRequestOutcome;
import reactor.core.publisher.Mono;

/** What the log knows about each call request: written by the call-outcomes listener, read by the API. */
public interface CallRequestLog {

    /**
     * Adds the outcome to its request's history, unless an outcome of its kind is already there (a redelivery,
     * or the same fact published again): each kind happens once per request. Emits whether it was new.
     */
    Mono<Boolean> record(CallRequestOutcome outcome);

    /** The request {@code requestId} of account {@code accountId}; empty if the log heard of none. */
    Mono<CallRequestRecord> find(String accountId, String requestId);
}
