package io.switchboard.events.dialer;

import java.time.Instant;

import io.switchboard.events.request.CallRequest;

/**
 * A valid call request from a publisher allowed to request calls for its account, re-keyed by account
 * onto {@code dialer-requests.v1} so that one dialer instance owns each account's admission.
 *
 * @param publisher  the configured publisher whose topic it came from
 * @param receivedAt when the publisher wrote it (the record's timestamp), from which its age is counted
 */
public record CallRequestReceived(CallRequest request, String publisher, Instant receivedAt) {}
