package io.switchboard.dialer.placement.domain;

/** What the provider is asked to dial. Numbers are E.164; the account names the webhook paths. */
public record OutboundCall(String accountId, String to, String from, int timeLimitSeconds) {}
