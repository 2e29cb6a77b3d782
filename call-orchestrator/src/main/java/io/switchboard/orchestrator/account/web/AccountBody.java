package io.switchboard.orchestrator.account.web;

import java.util.List;

import io.switchboard.orchestrator.account.domain.AccountNumber;
import io.switchboard.orchestrator.account.domain.Assistant;
import io.switchboard.orchestrator.account.domain.CredentialChanges;

/**
 * The body of {@code PUT /api/accounts/{accountId}}: the account id comes from the path. Without
 * {@code providers} (or with {@code null}) the account's credentials stay as they are.
 */
record AccountBody(String name, List<AccountNumber> numbers, List<Assistant> assistants, ProvidersBody providers) {

    CredentialChanges credentialChanges() {
        return providers == null ? CredentialChanges.keepAll() : providers.changes();
    }
}
