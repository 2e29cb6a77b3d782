package io.switchboard.orchestrator.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccountServiceTests {

    private final AccountDirectory directory = new AccountDirectory();
    private final List<Account> published = new ArrayList<>();
    private boolean brokerDown;
    private final AccountService service = new AccountService(directory, account -> {
        if (brokerDown) {
            throw new AccountPublishException("broker down", null);
        }
        published.add(account);
    }, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void whenAccountIsConfiguredThenItIsPublishedAndThenApplied() {
        // when
        Account account = configure("acme");

        // then
        assertThat(published).containsExactly(account);
        assertThat(directory.find("acme")).contains(account);
    }

    @Test
    void whenNumberBelongsToAnotherAccountThenItIsRefusedAndNothingIsPublished() {
        // given
        configure("acme");

        // when / then
        assertThatThrownBy(() -> configure("globex"))
                .isInstanceOfSatisfying(InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo("numbers[0].number"));
        assertThat(published).hasSize(1);
    }

    @Test
    void whenBrokerRefusesThenTheDirectoryIsUnchanged() {
        // given
        brokerDown = true;

        // when / then
        assertThatThrownBy(() -> configure("acme")).isInstanceOf(AccountPublishException.class);
        assertThat(directory.find("acme")).isEmpty();
    }

    private Account configure(String accountId) {
        Account acme = Accounts.acme(null);
        return service.configure(accountId, "Acme", acme.numbers(), acme.assistants());
    }
}
