package io.switchboard.events.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an audit entry records. On the wire {@link AuditRecorded#action()} is the plain string
 * ({@link #wireValue()}), so that a reader older than a new action still stores it.
 */
public enum AuditAction {
    /** {@code PUT /api/accounts/{id}} of an account that did not exist (call-orchestrator). */
    ACCOUNT_CREATED("account.created"),
    /** {@code PUT /api/accounts/{id}} of an existing account: name, numbers, assistants, credentials (call-orchestrator). */
    ACCOUNT_UPDATED("account.updated"),
    /** {@code DELETE /api/accounts/{id}}: the account closed (call-orchestrator). */
    ACCOUNT_DELETED("account.deleted"),
    /** {@code POST /api/wallets/{id}/top-ups} (billing-service). */
    WALLET_TOPPED_UP("wallet.topped-up"),
    /** {@code GET /api/calls} or {@code /api/calls/{callId}} answered with {@code calls:pii} (call-log-service). */
    CALLS_READ_PII("calls.read-pii");

    private final String wireValue;

    AuditAction(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    public static Optional<AuditAction> fromWire(String value) {
        return Arrays.stream(values())
                .filter(action -> action.wireValue.equals(value))
                .findFirst();
    }
}
