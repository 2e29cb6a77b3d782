package io.switchboard.dialer.placement.domain;

import io.switchboard.events.account.Credential;

/**
 * What the provider is asked to dial. Numbers are E.164; the account names the webhook paths, and the
 * request id travels in them so that the provider's callbacks name the request they belong to. The call is
 * placed on the account's own provider account ({@code credential}, from accounts.v1).
 *
 * @param timeLimitSeconds the longest the call may last once answered: what the request asks and the
 *                         wallet can pay for
 */
public record OutboundCall(
        String accountId, String requestId, String to, String from, int timeLimitSeconds, Credential credential) {}
