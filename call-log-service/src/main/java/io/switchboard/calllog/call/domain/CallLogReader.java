package io.switchboard.calllog.call.domain;

import reactor.core.publisher.Mono;

/** The call log as analysts read it: one call of an account, or a page of a search. */
public interface CallLogReader {

    /**
     * Call {@code providerCallId} of account {@code accountId}; empty when the account has no such call.
     * Another account's call with the same provider call id is never returned.
     */
    Mono<CallRecord> findCall(String accountId, String providerCallId);

    Mono<CallPage> search(CallQuery query);
}
