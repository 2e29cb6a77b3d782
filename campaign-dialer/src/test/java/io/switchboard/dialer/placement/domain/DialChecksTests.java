package io.switchboard.dialer.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import io.switchboard.dialer.account.domain.DialingAccount;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.placement.domain.DialChecks.Verdict;
import io.switchboard.dialer.support.DialerViews;
import io.switchboard.dialer.wallet.domain.WalletBalance;
import io.switchboard.events.account.Credential;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.kafka.FollowedTopic;
import io.switchboard.events.request.CallRequest;
import org.junit.jupiter.api.Test;

class DialChecksTests {

    private static final int PARTITION = 3;
    private static final String PROVIDER = "twilio";
    private static final String FROM = "+14155550123";
    private static final String TO = "+14155552671";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DialIntents intents = new DialIntents();
    private final DialerViews views = new DialerViews();
    private final DialChecks checks = new DialChecks(
            views.accounts, views.wallets, new WalletHolds(intents, clock), properties(), views.doNotCall);

    // --- the account and its credential

    @Test
    void whenTheAccountIsUnknownThenTheRequestIsRefusedOnItsAccountId() {
        views.wallet("acme", "50.00", "0.05", 1);

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("accountId");
                    assertThat(refused.reason()).isEqualTo("account acme does not exist");
                });
    }

    @Test
    void whenTheAccountHasNoCredentialOfTheProviderThenTheRequestIsRefusedOnItsAccountId() {
        views.account("acme", FROM, "sales", "vapi").wallet("acme", "50.00", "0.05", 1);

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("accountId");
                    assertThat(refused.reason()).contains("has no twilio credential");
                });
    }

    @Test
    void whenTheCredentialIsConfiguredButCannotBeOpenedHereThenTheRequestWaitsInsteadOfBeingRefused() {
        views.accounts.put(new DialingAccount("acme", Set.of(FROM), Set.of("sales"), Map.of(), Set.of(PROVIDER)));
        views.wallet("acme", "50.00", "0.05", 1);

        assertThatThrownBy(() -> checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOf(DialerNotReadyException.class)
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void whenTheAccountIsDialableThenItsCredentialOfTheProviderIsWhatTheCallIsPlacedWith() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.credential())
                            .isEqualTo(new Credential(PROVIDER, "AC-acme", "token-acme", null));
                    assertThat(dialable.currency()).isEqualTo("USD");
                });
    }

    // --- numbers and assistant

    @Test
    void whenFromIsNotOneOfTheAccountsNumbersThenTheRequestIsRefusedOnFrom() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, "+14155550199", "sales", null), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("from");
                    assertThat(refused.reason()).contains("+14155550199");
                });
    }

    @Test
    void whenFromIsAnotherSpellingOfTheAccountsNumberThenItIsTheSameNumber() {
        assertThat(PhoneNumbers.normalized("+1 415 555 0123")).contains(FROM);
        assertThat(PhoneNumbers.normalized("+1 (415) 555-0123")).contains(FROM);
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, "+1 415 555 0123", "sales", null), PROVIDER, null))
                .isInstanceOf(Verdict.Dialable.class);
        assertThat(checks.check(PARTITION, request("r2", TO, "+1 (415) 555-0123", "sales", null), PROVIDER, null))
                .isInstanceOf(Verdict.Dialable.class);
    }

    @Test
    void whenFromIsNotAValidNumberThenTheRequestIsRefusedOnFrom() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, "4155550123", "sales", null), PROVIDER, null))
                .isInstanceOfSatisfying(
                        Verdict.Refused.class,
                        refused -> assertThat(refused.field()).isEqualTo("from"));
    }

    @Test
    void whenToIsNotAValidNumberThenTheRequestIsRefusedOnTo() {
        dialableAcme("50.00", "0.05");

        for (String to : new String[] {"+1555", "not a number", "+999123456789"}) {
            assertThat(checks.check(PARTITION, request("r1", to, FROM, "sales", null), PROVIDER, null))
                    .as(to)
                    .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                        assertThat(refused.field()).isEqualTo("to");
                        assertThat(refused.reason()).contains("is not a valid phone number");
                    });
        }
    }

    @Test
    void whenToIsAValidNumberInAnotherSpellingThenItIsDialable() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", "+1 (415) 555-2671", FROM, "sales", null), PROVIDER, null))
                .isInstanceOf(Verdict.Dialable.class);
    }

    @Test
    void whenTheAssistantIsNotOneOfTheAccountsThenTheRequestIsRefusedOnAssistantId() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, FROM, "support", null), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("assistantId");
                    assertThat(refused.reason()).contains("support");
                });
    }

    @Test
    void whenTheRequestNamesNoAssistantThenItIsDialable() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, FROM, null, null), PROVIDER, null))
                .isInstanceOf(Verdict.Dialable.class);
    }

    // --- the wallet

    @Test
    void whenTheAccountHasNoWalletThenTheRequestIsRefusedAndNamesNoField() {
        views.account("acme", FROM, "sales", PROVIDER);

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.reason()).contains("has no wallet yet");
                    assertThat(refused.field()).isNull();
                });
    }

    @Test
    void whenTheBalanceIsBelowOneMinuteThenTheRequestIsRefused() {
        dialableAcme("0.04", "0.05");

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.reason()).contains("cannot pay for one minute");
                    assertThat(refused.field()).isNull();
                });
    }

    @Test
    void whenTheBalanceIsNegativeThenTheRequestIsRefused() {
        dialableAcme("-1.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(
                        Verdict.Refused.class,
                        refused -> assertThat(refused.reason()).contains("cannot pay for one minute"));
    }

    @Test
    void whenTheBalancePaysForExactlyOneMinuteThenTheCallGetsOneMinuteAndHoldsIt() {
        dialableAcme("0.05", "0.05");

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(60);
                    assertThat(dialable.held()).isEqualByComparingTo("0.05");
                });
    }

    @Test
    void whenTheRequestHasNoLimitAndTheWalletPaysForMoreThanTheLongestCallThenTheLongestCallIsHeld() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(3600);
                    assertThat(dialable.held()).isEqualByComparingTo("3.00");
                });
    }

    @Test
    void whenTheRequestAsksForLessThanTheWalletPaysForThenItsLimitIsTakenAndItsStartedMinutesHeld() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, FROM, "sales", 90), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(90);
                    assertThat(dialable.held()).as("two started minutes").isEqualByComparingTo("0.10");
                });
        assertThat(checks.check(PARTITION, request("r2", TO, FROM, "sales", 30), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(30);
                    assertThat(dialable.held()).isEqualByComparingTo("0.05");
                });
    }

    @Test
    void whenTheRequestAsksForMoreThanTheLongestCallThenTheLongestCallIsItsLimit() {
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, FROM, "sales", 14_400), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(3600);
                    assertThat(dialable.held()).isEqualByComparingTo("3.00");
                });
    }

    @Test
    void whenTheWalletPaysForLessThanTheRequestAsksThenTheLimitIsTheWholeMinutesItPaysFor() {
        dialableAcme("0.17", "0.05");

        assertThat(checks.check(PARTITION, request("r1", TO, FROM, "sales", 600), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(180);
                    assertThat(dialable.held()).isEqualByComparingTo("0.15");
                });
    }

    @Test
    void whenOtherCallsOfTheAccountHoldPartOfTheWalletThenOnlyTheRestIsAvailable() {
        dialableAcme("0.20", "0.05");
        intents.record(PARTITION, holding("r1", State.INTENDED, "0.10"));
        intents.record(PARTITION, holding("r2", State.PLACED, "0.05"));

        assertThat(checks.check(PARTITION, request("r3"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(60);
                    assertThat(dialable.held()).isEqualByComparingTo("0.05");
                });

        intents.record(PARTITION, holding("r3", State.INTENDED, "0.05"));

        assertThat(checks.check(PARTITION, request("r4"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.reason()).contains("cannot pay for one minute");
                    assertThat(refused.reason()).contains("0.20 of it held by calls in progress");
                });
    }

    @Test
    void whenARequestIsDecidedAgainThenItsOwnHoldIsNotCountedAgainstIt() {
        dialableAcme("0.20", "0.05");
        intents.record(PARTITION, holding("r1", State.INTENDED, "0.15"));
        intents.record(PARTITION, holding("r2", State.PLACED, "0.05"));

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .as("counting its own hold, nothing is left")
                .isInstanceOf(Verdict.Refused.class);
        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, "r1"))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(180);
                    assertThat(dialable.held()).isEqualByComparingTo("0.15");
                });
    }

    @Test
    void whenHoldsAreOnAnotherPartitionOrAccountThenTheyDoNotCount() {
        dialableAcme("0.05", "0.05");
        intents.record(PARTITION + 1, holding("r1", State.INTENDED, "0.05"));
        intents.record(
                PARTITION,
                new DialIntentRecorded(
                        "r2",
                        "globex",
                        TO,
                        FROM,
                        State.PLACED,
                        PROVIDER,
                        "CA2",
                        null,
                        NOW,
                        null,
                        Map.of(),
                        60,
                        new BigDecimal("0.05"),
                        "USD",
                        null));

        assertThat(checks.check(PARTITION, request("r3"), PROVIDER, null)).isInstanceOf(Verdict.Dialable.class);
    }

    @Test
    void whenTheWalletStateHasNoPriceThenAPositiveBalanceIsEnoughAndNothingIsHeld() {
        views.account("acme", FROM, "sales", PROVIDER).wallet("acme", "0.01", null, 1);

        assertThat(checks.check(PARTITION, request("r1", TO, FROM, "sales", 600), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Dialable.class, dialable -> {
                    assertThat(dialable.timeLimitSeconds()).isEqualTo(600);
                    assertThat(dialable.held()).isNull();
                });
        assertThat(checks.check(PARTITION, request("r2"), PROVIDER, null))
                .isInstanceOfSatisfying(
                        Verdict.Dialable.class,
                        dialable -> assertThat(dialable.timeLimitSeconds()).isEqualTo(3600));
    }

    @Test
    void whenTheWalletStateHasNoPriceAndNoBalanceThenTheRequestIsRefused() {
        views.account("acme", FROM, "sales", PROVIDER).wallet("acme", "0.00", null, 1);

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(Verdict.Refused.class, refused -> {
                    assertThat(refused.reason()).contains("cannot pay for any call");
                    assertThat(refused.field()).isNull();
                });
    }

    // --- catching up before a refusal

    @Test
    void whenTheRequestPassesThenTheViewsAreNotCaughtUp() {
        var accounts = new CatchingUp(true, () -> {});
        var wallets = new CatchingUp(true, () -> {});
        views.accounts.readFrom(accounts);
        views.wallets.readFrom(wallets);
        dialableAcme("50.00", "0.05");

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null)).isInstanceOf(Verdict.Dialable.class);
        assertThat(accounts.awaited).isZero();
        assertThat(wallets.awaited).isZero();
    }

    @Test
    void whenTheAccountIsConfiguredJustBeforeItsRequestThenTheRequestIsDecidedAfterCatchingUpAndPasses() {
        views.wallet("acme", "50.00", "0.05", 1);
        var accounts = new CatchingUp(true, () -> views.account("acme", FROM, "sales", PROVIDER));
        var wallets = new CatchingUp(true, () -> {});
        views.accounts.readFrom(accounts);
        views.wallets.readFrom(wallets);

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null)).isInstanceOf(Verdict.Dialable.class);
        assertThat(accounts.awaited).isEqualTo(1);
        assertThat(wallets.awaited).isEqualTo(1);
    }

    @Test
    void whenTheWalletIsToppedUpJustBeforeTheRequestThenTheRequestIsDecidedWithTheNewBalance() {
        views.account("acme", FROM, "sales", PROVIDER).wallet("acme", "0.01", "0.05", 1);
        views.accounts.readFrom(new CatchingUp(true, () -> {}));
        var wallets = new CatchingUp(
                true,
                () -> views.wallets.offer(
                        new WalletBalance("acme", new BigDecimal("0.10"), "USD", new BigDecimal("0.05"), 2)));
        views.wallets.readFrom(wallets);

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(
                        Verdict.Dialable.class,
                        dialable -> assertThat(dialable.timeLimitSeconds()).isEqualTo(120));
        assertThat(wallets.awaited).isEqualTo(1);
    }

    @Test
    void whenTheViewsAreCurrentAndStillLackTheAccountThenTheRequestIsRefusedAfterCatchingUp() {
        var accounts = new CatchingUp(true, () -> {});
        views.accounts.readFrom(accounts);
        views.wallets.readFrom(new CatchingUp(true, () -> {}));

        assertThat(checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOfSatisfying(
                        Verdict.Refused.class,
                        refused -> assertThat(refused.field()).isEqualTo("accountId"));
        assertThat(accounts.awaited).isEqualTo(1);
    }

    @Test
    void whenTheAccountsCannotBeCaughtUpWithThenTheRequestWaitsInsteadOfBeingRefused() {
        views.wallet("acme", "50.00", "0.05", 1);
        views.accounts.readFrom(new CatchingUp(false, () -> {}));

        assertThatThrownBy(() -> checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOf(DialerNotReadyException.class)
                .hasMessageContaining("accounts.v1");
    }

    @Test
    void whenTheWalletsCannotBeCaughtUpWithThenTheRequestWaitsInsteadOfBeingRefused() {
        dialableAcme("0.01", "0.05");
        views.accounts.readFrom(new CatchingUp(true, () -> {}));
        views.wallets.readFrom(new CatchingUp(false, () -> {}));

        assertThatThrownBy(() -> checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOf(DialerNotReadyException.class)
                .hasMessageContaining("wallets.v1");
    }

    @Test
    void whenTheViewsAreStillBeingReadThenTheRequestWaits() {
        dialableAcme("50.00", "0.05");
        views.wallets.readFrom(FollowedTopic.NOT_FOLLOWED);

        assertThatThrownBy(() -> checks.check(PARTITION, request("r1"), PROVIDER, null))
                .isInstanceOf(DialerNotReadyException.class)
                .hasMessageContaining("wallets.v1 is still being read");
    }

    // --- the credential of a request in doubt

    @Test
    void whenACredentialIsAskedForARequestInDoubtThenItIsTheAccountsAndEmptyOnceTheAccountIsGone() {
        views.account("acme", FROM, "sales", PROVIDER);

        assertThat(checks.credential("acme", PROVIDER))
                .contains(new Credential(PROVIDER, "AC-acme", "token-acme", null));
        assertThat(checks.credential("globex", PROVIDER)).isEmpty();
    }

    private void dialableAcme(String balance, String pricePerMinute) {
        views.account("acme", FROM, "sales", PROVIDER).wallet("acme", balance, pricePerMinute, 1);
    }

    private static CallRequest request(String requestId) {
        return request(requestId, TO, FROM, "sales", null);
    }

    private static CallRequest request(
            String requestId, String to, String from, String assistantId, Integer maxDurationSeconds) {
        return new CallRequest(
                requestId,
                "acme",
                to,
                from,
                assistantId,
                Map.of(),
                null,
                maxDurationSeconds,
                null,
                null,
                null,
                null,
                null);
    }

    private static DialIntentRecorded holding(String requestId, State state, String held) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                TO,
                FROM,
                state,
                PROVIDER,
                state == State.INTENDED ? null : "CA-" + requestId,
                null,
                NOW,
                "sales",
                Map.of(),
                60,
                new BigDecimal(held),
                "USD",
                null);
    }

    static DialerProperties properties() {
        return new DialerProperties(
                URI.create("https://ingress.example.com"),
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofSeconds(10),
                Duration.ofHours(6),
                "",
                new DialerProperties.Twilio(URI.create("https://api.twilio.com"), Duration.ofSeconds(10)));
    }

    /** A view read to its end that, asked to catch up, applies what was committed meanwhile (or cannot). */
    private static final class CatchingUp implements FollowedTopic {

        private final boolean current;
        private final Runnable committedMeanwhile;
        private int awaited;

        CatchingUp(boolean current, Runnable committedMeanwhile) {
            this.current = current;
            this.committedMeanwhile = committedMeanwhile;
        }

        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public boolean awaitCurrent(Duration timeout) {
            awaited++;
            if (current) {
                committedMeanwhile.run();
            }
            return current;
        }
    }
}
