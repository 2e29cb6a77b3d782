package io.switchboard.dialer.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.switchboard.dialer.account.domain.DialingAccount;
import io.switchboard.dialer.account.domain.DialingAccounts;
import io.switchboard.dialer.donotcall.domain.DoNotCallList;
import io.switchboard.dialer.wallet.domain.WalletBalance;
import io.switchboard.dialer.wallet.domain.WalletBalances;
import io.switchboard.events.account.Credential;
import io.switchboard.events.kafka.FollowedTopic;

/** The dialer's views of accounts and wallets, filled by hand for unit tests and always current. */
public final class DialerViews {

    /** A topic read to its end with nothing more to catch up with. */
    public static final FollowedTopic CURRENT = new FollowedTopic() {
        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public boolean awaitCurrent(Duration timeout) {
            return true;
        }
    };

    public final DialingAccounts accounts = new DialingAccounts();
    public final WalletBalances wallets = new WalletBalances();
    public final DoNotCallList doNotCall = new DoNotCallList();

    public DialerViews() {
        accounts.readFrom(CURRENT);
        wallets.readFrom(CURRENT);
        doNotCall.readFrom(CURRENT);
    }

    /** An account owning {@code number}, with {@code assistantId} and a credential of {@code provider}. */
    public DialerViews account(String accountId, String number, String assistantId, String provider) {
        accounts.put(new DialingAccount(
                accountId,
                Set.of(number),
                Set.of(assistantId),
                Map.of(provider, new Credential(provider, "AC-" + accountId, "token-" + accountId, null)),
                Set.of()));
        return this;
    }

    public DialerViews wallet(String accountId, String balance, String pricePerMinute, long version) {
        wallets.offer(new WalletBalance(
                accountId,
                new BigDecimal(balance),
                "USD",
                pricePerMinute == null ? null : new BigDecimal(pricePerMinute),
                version));
        return this;
    }
}
