package io.switchboard.dialer.placement.domain;

/**
 * What the provider is asked to dial. Numbers are E.164; the account names the webhook paths, and the
 * request id travels in them so that the provider's callbacks name the request they belong to.
 */
public record OutboundCall(String accountId, String requestId, String to, String from, int timeLimitSeconds) {}
