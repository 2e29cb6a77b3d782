package io.switchboard.orchestrator.account.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.orchestrator.account.domain.Account;
import io.switchboard.orchestrator.account.domain.AccountNumber;
import io.switchboard.orchestrator.account.domain.Assistant;

/** An account as the AccountConfigured event of accounts.v1, and back. */
final class AccountEvents {

    private AccountEvents() {
    }

    static AccountConfigured toEvent(Account account) {
        return new AccountConfigured(account.accountId(), account.name(),
                account.numbers().stream()
                        .map(n -> new AccountConfigured.PhoneNumber(n.number(), n.assistantId())).toList(),
                account.assistants().stream()
                        .map(a -> new AccountConfigured.Assistant(a.assistantId(), a.name(), a.streamUrl())).toList(),
                account.configuredAt());
    }

    static Account toAccount(AccountConfigured event) {
        return new Account(event.accountId(), event.name(),
                event.numbers().stream().map(n -> new AccountNumber(n.number(), n.assistantId())).toList(),
                event.assistants().stream().map(a -> new Assistant(a.assistantId(), a.name(), a.streamUrl())).toList(),
                event.configuredAt());
    }

    /** Same content, same id: a retried PUT is the same fact, whatever time it was sent at. */
    static String eventId(AccountConfigured event) {
        var timeless = new AccountConfigured(event.accountId(), event.name(), event.numbers(), event.assistants(), null);
        return EventIds.of("account", event.accountId(), sha256(EventJson.write(timeless)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
