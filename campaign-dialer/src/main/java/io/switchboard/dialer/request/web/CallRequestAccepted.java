package io.switchboard.dialer.request.web;

import java.net.URI;

/**
 * The answer to an accepted call request: it is on its way to its account's admission, not dialed yet.
 *
 * @param status {@code received}; what became of it is at {@code statusUrl} and on {@code call-outcomes.v1}
 */
record CallRequestAccepted(String requestId, String accountId, String status, URI statusUrl) {}
