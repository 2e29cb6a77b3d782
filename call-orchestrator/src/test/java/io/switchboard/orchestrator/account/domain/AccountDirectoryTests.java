package io.switchboard.orchestrator.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccountDirectoryTests {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final AccountDirectory directory = new AccountDirectory();

    @Test
    void whenAccountIsAppliedThenItsNumbersRouteToTheirAssistants() {
        // when
        directory.apply(Accounts.acme(T0));

        // then
        assertThat(directory.route(Accounts.SALES_NUMBER, "acme")).get().satisfies(route -> {
            assertThat(route.accountId()).isEqualTo("acme");
            assertThat(route.assistant().streamUrl()).isEqualTo(Accounts.STREAM_URL);
        });
        assertThat(directory.route(Accounts.SALES_NUMBER, null)).isPresent();
    }

    @Test
    void whenCallArrivesForAnotherAccountThenThereIsNoRoute() {
        // given
        directory.apply(Accounts.acme(T0));

        // then a call to Acme's number arriving on another tenant's webhook does not reach Acme's assistant
        assertThat(directory.route(Accounts.SALES_NUMBER, "globex")).isEmpty();
    }

    @Test
    void whenAccountDropsANumberThenItNoLongerRoutes() {
        // given
        directory.apply(Accounts.acme(T0));

        // when
        directory.apply(new Account("acme", "Acme", List.of(), List.of(), List.of(), T0.plusSeconds(1)));

        // then
        assertThat(directory.route(Accounts.SALES_NUMBER, null)).isEmpty();
        assertThat(directory.ownerOf(Accounts.SALES_NUMBER)).isEmpty();
    }

    @Test
    void whenAccountHoldsTwilioCredentialsThenItOwnsTheAccountSidUntilItDropsThem() {
        // given
        var twilio = new SealedCredential(ProviderSecret.TWILIO, Accounts.TWILIO_SID, "v1:k1:AAAA", null);
        directory.apply(new Account("acme", "Acme", List.of(), List.of(), List.of(twilio), T0));
        assertThat(directory.ownerOfProviderAccount(ProviderSecret.TWILIO, Accounts.TWILIO_SID))
                .contains("acme");

        // when
        directory.apply(new Account("acme", "Acme", List.of(), List.of(), List.of(), T0.plusSeconds(1)));

        // then
        assertThat(directory.ownerOfProviderAccount(ProviderSecret.TWILIO, Accounts.TWILIO_SID))
                .isEmpty();
    }

    @Test
    void whenOlderConfigurationArrivesThenTheNewerOneStays() {
        // given a configuration without numbers, newer than the one re-read from the topic
        directory.apply(new Account("acme", "Acme", List.of(), List.of(), List.of(), T0.plusSeconds(10)));

        // when
        directory.apply(Accounts.acme(T0));

        // then
        assertThat(directory.find("acme"))
                .get()
                .extracting(Account::numbers)
                .asList()
                .isEmpty();
        assertThat(directory.ownerOf(Accounts.SALES_NUMBER)).isEmpty();
    }

    @Test
    void whenALowerRevisionArrivesLaterThenItIsNotAppliedWhateverItsTime() {
        // given revision 2, configured before revision 1 claims to be (another instance's clock)
        boolean second =
                directory.apply(new Account("acme", "Acme", List.of(), List.of(), List.of(), T0.plusSeconds(1), 2));

        // when revision 1 is re-produced
        boolean first = directory.apply(revision(Accounts.acme(T0.plusSeconds(60)), 1));

        // then revision 2 stays, and the next configuration is revision 3
        assertThat(second).isTrue();
        assertThat(first).isFalse();
        assertThat(directory.find("acme")).get().extracting(Account::revision).isEqualTo(2L);
        assertThat(directory.ownerOf(Accounts.SALES_NUMBER)).isEmpty();
        assertThat(directory.nextRevision("acme")).isEqualTo(3);
        assertThat(directory.nextRevision("globex")).isEqualTo(1);
    }

    private static Account revision(Account account, long revision) {
        return new Account(
                account.accountId(),
                account.name(),
                account.numbers(),
                account.assistants(),
                account.credentials(),
                account.configuredAt(),
                revision);
    }

    @Test
    void whenAnAccountIsClosedThenItAndItsRoutesAreGone() {
        directory.apply(withRevision(Accounts.acme(T0), 2));

        boolean closed = directory.close("acme", 3);

        assertThat(closed).isTrue();
        assertThat(directory.find("acme")).isEmpty();
        assertThat(directory.route(Accounts.SALES_NUMBER, null)).isEmpty();
        assertThat(directory.ownerOf(Accounts.SALES_NUMBER)).isEmpty();
        assertThat(directory.nextRevision("acme")).isEqualTo(4);
    }

    @Test
    void whenAConfigurationAtOrBelowTheClosingRevisionIsReadLaterThenItIsNotApplied() {
        directory.apply(withRevision(Accounts.acme(T0), 2));
        directory.close("acme", 3);

        assertThat(directory.apply(withRevision(Accounts.acme(T0), 2))).isFalse();
        assertThat(directory.apply(withRevision(Accounts.acme(T0.plusSeconds(60)), 3)))
                .isFalse();
        assertThat(directory.find("acme")).isEmpty();

        assertThat(directory.apply(withRevision(Accounts.acme(T0.plusSeconds(120)), 4)))
                .isTrue();
        assertThat(directory.route(Accounts.SALES_NUMBER, "acme")).isPresent();
    }

    @Test
    void whenOnlyTheClosingIsReadThenAnOlderConfigurationReadAfterItIsNotApplied() {
        // given a compacted topic holding nothing of the account but its closing
        assertThat(directory.close("acme", 5)).isTrue();

        // then an old configuration produced again later does not bring it back
        assertThat(directory.apply(withRevision(Accounts.acme(T0), 4))).isFalse();
        assertThat(directory.find("acme")).isEmpty();
    }

    @Test
    void whenAClosingIsOlderThanTheConfigurationThenItIsNotAppliedAndTheSameClosingAgainIs() {
        directory.apply(withRevision(Accounts.acme(T0), 4));

        assertThat(directory.close("acme", 3)).isFalse();
        assertThat(directory.find("acme")).isPresent();

        assertThat(directory.close("acme", 4)).isTrue();
        assertThat(directory.close("acme", 4)).isTrue();
        assertThat(directory.find("acme")).isEmpty();
    }

    private static Account withRevision(Account account, long revision) {
        return new Account(
                account.accountId(),
                account.name(),
                account.numbers(),
                account.assistants(),
                account.credentials(),
                account.configuredAt(),
                revision);
    }
}
