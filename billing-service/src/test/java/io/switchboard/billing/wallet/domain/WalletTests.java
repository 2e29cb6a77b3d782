package io.switchboard.billing.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import io.switchboard.events.call.CallKey;
import org.junit.jupiter.api.Test;

class WalletTests {

    @Test
    void whenNewAccountThenBalanceIsZero() {
        assertThat(Wallet.empty("acme", "USD").balance()).isEqualByComparingTo("0");
    }

    @Test
    void whenToppedUpAndDebitedThenBalanceIsExact() {
        // given a wallet topped up with 25.00
        var wallet = Wallet.empty("acme", "USD").credit(new BigDecimal("25.00"), "USD");

        // when two calls are debited
        var after = wallet.debit(new BigDecimal("0.10"), "USD").debit(new BigDecimal("0.05"), "USD");

        // then no floating point drift: exactly 24.85
        assertThat(after.balance()).isEqualByComparingTo("24.85");
        assertThat(after.balance().toPlainString()).isEqualTo("24.85");
        assertThat(wallet.balance()).isEqualByComparingTo("25.00");
    }

    @Test
    void whenDebitExceedsBalanceThenWalletGoesNegative() {
        var after = Wallet.empty("acme", "USD").debit(new BigDecimal("0.30"), "USD");

        assertThat(after.balance()).isEqualByComparingTo("-0.30");
    }

    @Test
    void whenChangedThenEachStateHasTheNextVersion() {
        var wallet = new Wallet("acme", BigDecimal.ONE, "USD", 4);

        var credited = wallet.credit(BigDecimal.TEN, "USD");
        var debited = credited.debit(BigDecimal.ONE, "USD");

        assertThat(Wallet.empty("acme", "USD").version()).isZero();
        assertThat(credited.version()).isEqualTo(5);
        assertThat(debited.version()).isEqualTo(6);
        assertThat(wallet.version()).isEqualTo(4);
    }

    @Test
    void whenCurrencyDiffersThenRefused() {
        assertThatThrownBy(() -> Wallet.empty("acme", "USD").credit(BigDecimal.ONE, "EUR"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenAmountNegativeThenRefused() {
        assertThatThrownBy(() -> Wallet.empty("acme", "USD").debit(new BigDecimal("-1"), "USD"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenBookReplacedThenStaleFlagClearedAndStateSwapped() {
        // given wallets marked stale after an unknown commit outcome
        var wallets = new Wallets();
        wallets.applyCharge(new CallKey("twilio", "acme", "CA1"), new Wallet("acme", new BigDecimal("-0.05"), "USD"));
        wallets.markStale();

        // when a rebuilt book replaces them
        var rebuilt = new WalletBook();
        rebuilt.put(new Wallet("acme", new BigDecimal("-0.10"), "USD"));
        rebuilt.recordCharge(new CallKey("twilio", "acme", "CA1"));
        rebuilt.recordCharge(new CallKey("twilio", "acme", "CA2"));
        rebuilt.recordTopUp("acme", "t-1", BigDecimal.TEN);
        wallets.replace(rebuilt);

        // then the rebuilt state is what is read, and it is no longer stale
        assertThat(wallets.isStale()).isFalse();
        assertThat(wallets.find("acme")).get().extracting(Wallet::balance).isEqualTo(new BigDecimal("-0.10"));
        assertThat(wallets.isCharged(new CallKey("twilio", "acme", "CA2"))).isTrue();
        assertThat(wallets.isCharged(new CallKey("twilio", "other", "CA2"))).isFalse();
        assertThat(wallets.topUpAmount("acme", "t-1")).contains(BigDecimal.TEN);
        assertThat(wallets.topUpAmount("other", "t-1")).isEmpty();
    }

    @Test
    void whenALedgerEntryNamedNoProviderThenItsCallOfItsAccountCountsAsChargedForAnyProvider() {
        // given a charge rebuilt from a ledger entry written before charges named their provider
        var book = new WalletBook();
        book.recordLegacyCharge("acme", "CA-old");

        // then acme's call with that id is charged, another account's is not
        assertThat(book.isCharged(new CallKey("twilio", "acme", "CA-old"))).isTrue();
        assertThat(book.isCharged(new CallKey("vapi", "acme", "CA-old"))).isTrue();
        assertThat(book.isCharged(new CallKey("twilio", "other", "CA-old"))).isFalse();
    }

    @Test
    void whenAChargeIsAppliedToAnotherAccountsWalletThenItIsRefused() {
        var wallets = new Wallets();
        assertThatThrownBy(() -> wallets.applyCharge(
                        new CallKey("twilio", "account-a", "CA1"), new Wallet("account-b", BigDecimal.ONE, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wallets.find("account-b")).isEmpty();
    }
}
