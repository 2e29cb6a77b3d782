package io.switchboard.dialer.placement.domain;

import io.switchboard.events.account.Credential;
import io.switchboard.events.request.MachineDetection;

/**
 * What the provider is asked to dial. Numbers are E.164; the account names the webhook paths, and the
 * request id travels in them so that the provider's callbacks name the request they belong to. The call is
 * placed on the account's own provider account ({@code credential}, from accounts.v1).
 *
 * @param timeLimitSeconds the longest the call may last once answered: what the request asks and the
 *                         wallet can pay for
 * @param machineDetection the request's answering machine detection, or null
 */
public record OutboundCall(
        String accountId,
        String requestId,
        String to,
        String from,
        int timeLimitSeconds,
        Credential credential,
        MachineDetection machineDetection) {

    /** A call without machine detection. */
    public OutboundCall(
            String accountId, String requestId, String to, String from, int timeLimitSeconds, Credential credential) {
        this(accountId, requestId, to, from, timeLimitSeconds, credential, null);
    }
}
