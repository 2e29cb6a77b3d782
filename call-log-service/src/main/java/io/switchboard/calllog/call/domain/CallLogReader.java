package io.switchboard.calllog.call.domain;

import reactor.core.publisher.Mono;

/** The call log as analysts read it: one call by id, or a page of a search. */
public interface CallLogReader {

    /** Empty when the log has no document for the call. */
    Mono<CallRecord> findById(String callId);

    Mono<CallPage> search(CallQuery query);
}
