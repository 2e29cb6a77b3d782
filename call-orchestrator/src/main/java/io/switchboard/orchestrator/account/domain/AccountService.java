package io.switchboard.orchestrator.account.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Configures accounts: validate, check that no number belongs to another account, publish to
 * accounts.v1 and wait for the commit, then apply locally. Writes are serialized so two requests
 * on this instance cannot both claim one number.
 */
@Service
public class AccountService {

    private final AccountDirectory directory;
    private final AccountPublisher publisher;
    private final Clock clock;

    public AccountService(AccountDirectory directory, AccountPublisher publisher, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    public synchronized Account configure(String accountId, String name, List<AccountNumber> numbers,
            List<Assistant> assistants) {
        AccountValidator.validate(accountId, name, numbers, assistants);
        Account account = new Account(accountId, name, numbers, assistants, clock.instant());
        for (int i = 0; i < account.numbers().size(); i++) {
            String number = account.numbers().get(i).number();
            if (directory.ownerOf(number).filter(owner -> !owner.equals(accountId)).isPresent()) {
                throw new InvalidAccountException("numbers[" + i + "].number", "belongs to another account");
            }
        }
        publisher.publish(account);
        directory.apply(account);
        return account;
    }

    public Optional<Account> find(String accountId) {
        return directory.find(accountId);
    }
}
