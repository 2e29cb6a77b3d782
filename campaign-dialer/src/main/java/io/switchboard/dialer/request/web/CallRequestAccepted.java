package io.switchboard.dialer.request.web;

import java.net.URI;

/**
 * The answer to an accepted call request, or to a cancellation: it is on its way to its account's owner, not
 * applied yet.
 *
 * @param status {@code received} or {@code cancelling}; what became of it is at {@code statusUrl} and on
 *               {@code call-outcomes.v1}
 */
record CallRequestAccepted(String requestId, String accountId, String status, URI statusUrl) {}
