package io.switchboard.dialer.request.domain;

import io.switchboard.events.request.CallRequest;

/** The verdict on one call-requests record: a request to dial, or why it will not be dialed. */
public sealed interface Validation {

    record Valid(CallRequest request) implements Validation {}

    /**
     * @param requestId the request's id when it could be read, for the publisher to correlate the rejection
     * @param accountId the account when it could be read
     * @param reason    what is wrong, for a person
     * @param field     the field at fault as a dotted path ({@code to}, {@code metadata.note}); null for the whole record
     */
    record Invalid(String requestId, String accountId, String reason, String field) implements Validation {}
}
