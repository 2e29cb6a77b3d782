package io.switchboard.orchestrator.account.web;

import java.util.List;

import io.switchboard.orchestrator.account.domain.AccountNumber;
import io.switchboard.orchestrator.account.domain.Assistant;

/** The body of {@code PUT /api/accounts/{accountId}}: the account id comes from the path. */
record AccountBody(String name, List<AccountNumber> numbers, List<Assistant> assistants) {
}
