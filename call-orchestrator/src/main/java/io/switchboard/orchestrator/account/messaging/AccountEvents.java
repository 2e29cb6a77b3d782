package io.switchboard.orchestrator.account.messaging;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.orchestrator.account.domain.Account;
import io.switchboard.orchestrator.account.domain.AccountNumber;
import io.switchboard.orchestrator.account.domain.Assistant;
import io.switchboard.orchestrator.account.domain.SealedCredential;

/** An account as the AccountConfigured event of accounts.v1, and back. */
final class AccountEvents {

    private AccountEvents() {}

    static AccountConfigured toEvent(Account account) {
        return new AccountConfigured(
                account.accountId(),
                account.name(),
                account.numbers().stream()
                        .map(n -> new AccountConfigured.PhoneNumber(n.number(), n.assistantId()))
                        .toList(),
                account.assistants().stream()
                        .map(a -> new AccountConfigured.Assistant(a.assistantId(), a.name(), a.streamUrl()))
                        .toList(),
                account.credentials().stream()
                        .map(c -> new AccountConfigured.ProviderCredential(
                                c.provider(), c.providerAccountId(), c.sealedSecret(), c.verification()))
                        .toList(),
                account.configuredAt(),
                account.revision());
    }

    static Account toAccount(AccountConfigured event) {
        return new Account(
                event.accountId(),
                event.name(),
                event.numbers().stream()
                        .map(n -> new AccountNumber(n.number(), n.assistantId()))
                        .toList(),
                event.assistants().stream()
                        .map(a -> new Assistant(a.assistantId(), a.name(), a.streamUrl()))
                        .toList(),
                event.credentials().stream()
                        .map(c -> new SealedCredential(
                                c.provider(), c.providerAccountId(), c.sealedSecret(), c.verification()))
                        .toList(),
                event.configuredAt(),
                event.revisionOrZero());
    }

    /**
     * Same content, same id: a retried PUT is the same fact, whatever time it was sent at. The content
     * hashed holds credentials only sealed (the bytes already on the topic), never a plaintext secret:
     * the id travels in a header, and a hash of a plaintext token there would let anyone who reads the
     * topic test guesses of the token offline. The sealed value stays the same while the secret does
     * (CredentialSealer keeps it), so a repeated PUT keeps its id; a new secret or a re-seal under a new
     * key is new content with a new id. The revision is left out like the time: a retried PUT gets the
     * next revision, and is still the same fact.
     */
    static String eventId(AccountConfigured event) {
        var timeless = new AccountConfigured(
                event.accountId(), event.name(), event.numbers(), event.assistants(), event.credentials(), null);
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
