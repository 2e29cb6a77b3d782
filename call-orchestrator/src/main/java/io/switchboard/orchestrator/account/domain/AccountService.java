package io.switchboard.orchestrator.account.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.switchboard.events.account.AccountClosed;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Configures accounts: validate, check that no number or provider account (Twilio AccountSid)
 * belongs to another account, seal provider secrets, publish to accounts.v1 with the change's audit
 * entry (audit.v1, {@link AccountAudit}) and wait for the commit, then apply locally. Writes are
 * serialized so two requests on this instance cannot both claim one number or AccountSid.
 */
@Service
public class AccountService {

    private final AccountDirectory directory;
    private final AccountPublisher publisher;
    private final CredentialSealer sealer;
    private final Clock clock;

    public AccountService(
            AccountDirectory directory, AccountPublisher publisher, CredentialSealer sealer, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Credentials of providers {@code changes} does not mention are kept as they are. The caller has been
     * allowed to make the change; it is audited as theirs.
     */
    public synchronized Account configure(
            Caller caller,
            String accountId,
            String name,
            List<AccountNumber> numbers,
            List<Assistant> assistants,
            CredentialChanges changes) {
        AccountValidator.validate(accountId, name, numbers, assistants);
        CredentialValidator.validate(changes);
        requireOwnNumbers(accountId, numbers);
        requireOwnProviderAccounts(accountId, changes);
        Optional<Account> before = directory.find(accountId);
        List<SealedCredential> current = before.map(Account::credentials).orElse(List.of());
        Account account = new Account(
                accountId,
                name,
                numbers,
                assistants,
                sealer.apply(accountId, current, changes),
                clock.instant(),
                directory.nextRevision(accountId));
        publisher.publish(account, AccountAudit.of(caller, before, account, changes));
        directory.apply(account);
        return account;
    }

    /**
     * Closes the account: publishes its closing, with the next revision, to accounts.v1 with the audit
     * entry and waits for the commit, then forgets it here. Its numbers route nowhere and its id is free
     * to be configured again (with a revision above the closing's). The caller has been allowed to delete it.
     *
     * @return false when there is no such account, and nothing was published
     * @throws InvalidAccountException for an id no account can have
     */
    public synchronized boolean close(Caller caller, String accountId) {
        AccountValidator.validateId(accountId);
        Optional<Account> account = directory.find(accountId);
        if (account.isEmpty()) {
            return false;
        }
        var closed = new AccountClosed(accountId, clock.instant(), directory.nextRevision(accountId));
        publisher.publishClosed(closed, AccountAudit.ofClosing(caller, account.get(), closed));
        directory.close(accountId, closed.revision());
        return true;
    }

    /**
     * Audits a PUT the caller was refused on account grounds (another account's, or an operator's change to
     * an existing account); throws {@link io.switchboard.events.kafka.PublishFailedException} if the entry
     * could not be stored, and the request must then not be answered as if it had been audited.
     */
    public void recordDenied(Caller caller, String accountId, boolean exists) {
        publisher.publishAudit(AuditRecorded.by(caller, AccountAudit.action(exists), clock.instant())
                .account(accountId)
                .resource(AccountAudit.resource(accountId))
                .denied());
    }

    public Optional<Account> find(String accountId) {
        return directory.find(accountId);
    }

    private void requireOwnNumbers(String accountId, List<AccountNumber> numbers) {
        for (int i = 0; numbers != null && i < numbers.size(); i++) {
            if (isOtherAccount(directory.ownerOf(numbers.get(i).number()), accountId)) {
                throw new InvalidAccountException("numbers[" + i + "].number", "belongs to another account");
            }
        }
    }

    private void requireOwnProviderAccounts(String accountId, CredentialChanges changes) {
        for (ProviderSecret secret : changes.set().values()) {
            if (secret.providerAccountId() != null
                    && isOtherAccount(
                            directory.ownerOfProviderAccount(secret.provider(), secret.providerAccountId()),
                            accountId)) {
                throw new InvalidAccountException(
                        CredentialValidator.accountIdField(secret.provider()), "belongs to another account");
            }
        }
    }

    private static boolean isOtherAccount(Optional<String> owner, String accountId) {
        return owner.filter(other -> !other.equals(accountId)).isPresent();
    }
}
