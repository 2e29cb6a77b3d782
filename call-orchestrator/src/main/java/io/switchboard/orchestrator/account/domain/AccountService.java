package io.switchboard.orchestrator.account.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Configures accounts: validate, check that no number or provider account (Twilio AccountSid)
 * belongs to another account, seal provider secrets, publish to accounts.v1 and wait for the commit,
 * then apply locally. Writes are serialized so two requests on this instance cannot both claim one
 * number or AccountSid.
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

    /** Credentials of providers {@code changes} does not mention are kept as they are. */
    public synchronized Account configure(
            String accountId,
            String name,
            List<AccountNumber> numbers,
            List<Assistant> assistants,
            CredentialChanges changes) {
        AccountValidator.validate(accountId, name, numbers, assistants);
        CredentialValidator.validate(changes);
        requireOwnNumbers(accountId, numbers);
        requireOwnProviderAccounts(accountId, changes);
        List<SealedCredential> current =
                directory.find(accountId).map(Account::credentials).orElse(List.of());
        Account account = new Account(
                accountId, name, numbers, assistants, sealer.apply(accountId, current, changes), clock.instant());
        publisher.publish(account);
        directory.apply(account);
        return account;
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
