package io.switchboard.dialer.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.switchboard.dialer.account.domain.DialingAccount;
import io.switchboard.dialer.account.domain.DialingAccounts;
import io.switchboard.dialer.account.domain.PhoneNumbers;
import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.donotcall.domain.DoNotCallList;
import io.switchboard.dialer.wallet.domain.WalletBalance;
import io.switchboard.dialer.wallet.domain.WalletBalances;
import io.switchboard.events.account.Credential;
import io.switchboard.events.request.CallRequest;
import org.springframework.stereotype.Component;

/**
 * What a request must pass before it is dialed, against the accounts and wallets as the topics say they
 * are now: the account exists and has a credential of the provider; {@code from} is one of its numbers
 * and {@code to} a valid number (both compared in libphonenumber's E.164); the assistant it names is one
 * of the account's; {@code to} is not on the account's do-not-call list (read up to everything committed
 * before the check, so a number listed a moment ago is not dialed); and its wallet can pay for the minimum billable increment (one started minute) out of
 * what the account's other calls do not hold ({@link WalletHolds}). A request that passes gets the account's
 * credential, the time limit the wallet can pay for and the amount its call holds.
 *
 * <p>A refusal for what the dialer's views lack is decided only after they have caught up with everything
 * committed before it: an account configured, or a wallet topped up, a moment before its request is seen.
 */
@Component
public class DialChecks {

    private static final int SECONDS_PER_MINUTE = 60;

    private final DialingAccounts accounts;
    private final WalletBalances wallets;
    private final WalletHolds holds;
    private final DoNotCallList doNotCall;
    private final int maxCallSeconds;

    public DialChecks(
            DialingAccounts accounts,
            WalletBalances wallets,
            WalletHolds holds,
            DialerProperties properties,
            DoNotCallList doNotCall) {
        this.accounts = accounts;
        this.wallets = wallets;
        this.holds = holds;
        this.doNotCall = doNotCall;
        this.maxCallSeconds = Math.toIntExact(properties.maxCallDuration().toSeconds());
    }

    /** What a request may be dialed with, or why it may not be. */
    public sealed interface Verdict {

        /**
         * The call is placed on {@code credential}'s provider account, may last {@code timeLimitSeconds} and
         * holds {@code held} of its wallet (null when the wallet's price is not known: nothing is held).
         */
        record Dialable(Credential credential, int timeLimitSeconds, BigDecimal held, String currency)
                implements Verdict {}

        /** Not dialed: {@code field} (a request field, or null) says what is at fault. */
        record Refused(String reason, String field) implements Verdict {}
    }

    /**
     * @param partition the partition of dialer-requests.v1 the account's intents are in
     * @param except    a request whose own hold is not counted (one decided again after an uncertain placement)
     * @throws DialerNotReadyException while accounts.v1 or wallets.v1 is still being read or cannot be caught
     *                                 up with, or the account's credential is sealed with a key this instance does
     *                                 not hold
     */
    public Verdict check(int partition, CallRequest request, String provider, String except) {
        Verdict verdict = decide(partition, request, provider, except);
        if (verdict instanceof Verdict.Refused) {
            accounts.catchUp();
            wallets.catchUp();
            return decide(partition, request, provider, except);
        }
        return verdict;
    }

    /**
     * The account's credential of the provider, empty when the account or the credential is gone: what a
     * request in doubt is looked up with at the provider, whatever the checks would say of it now.
     *
     * @throws DialerNotReadyException as {@link #check}
     */
    public Optional<Credential> credential(String accountId, String provider) {
        Optional<DialingAccount> account = accounts.find(accountId);
        if (account.isEmpty() || account.get().credential(provider).isEmpty()) {
            accounts.catchUp();
            account = accounts.find(accountId);
        }
        if (account.isPresent() && account.get().unusable().contains(provider)) {
            throw new DialerNotReadyException("the " + provider + " credential of account " + accountId
                    + " cannot be opened with the secret keys this instance holds");
        }
        return account.flatMap(found -> found.credential(provider));
    }

    /**
     * Why {@code to} may not be called for the account now, read from a do-not-call list caught up with every
     * change committed before: asked again when a queued request's turn comes, since a number may be listed
     * while its request waits.
     */
    public Optional<String> doNotCall(String accountId, String to) {
        String number = PhoneNumbers.normalized(to).orElse(to);
        return doNotCall
                .find(accountId, number)
                .map(listed -> "to " + number + " is on the do-not-call list of account " + accountId);
    }

    private Verdict decide(int partition, CallRequest request, String provider, String except) {
        Optional<DialingAccount> found = accounts.find(request.accountId());
        if (found.isEmpty()) {
            return new Verdict.Refused("account " + request.accountId() + " does not exist", "accountId");
        }
        DialingAccount account = found.get();
        Optional<Credential> credential = account.credential(provider);
        if (credential.isEmpty()) {
            if (account.unusable().contains(provider)) {
                throw new DialerNotReadyException("the " + provider + " credential of account " + account.accountId()
                        + " cannot be opened with the secret keys this instance holds");
            }
            return new Verdict.Refused(
                    "account " + account.accountId() + " has no " + provider + " credential to place calls with",
                    "accountId");
        }
        if (!account.ownsNumber(request.from())) {
            return new Verdict.Refused(
                    "from " + request.from() + " is not one of the numbers of account " + account.accountId(), "from");
        }
        Optional<String> to = PhoneNumbers.normalized(request.to());
        if (to.isEmpty()) {
            return new Verdict.Refused("to " + request.to() + " is not a valid phone number", "to");
        }
        if (doNotCall.find(account.accountId(), to.get()).isPresent()) {
            return new Verdict.Refused(
                    "to " + to.get() + " is on the do-not-call list of account " + account.accountId(), "to");
        }
        if (request.assistantId() != null && !account.assistantIds().contains(request.assistantId())) {
            return new Verdict.Refused(
                    "assistant " + request.assistantId() + " is not one of account " + account.accountId(),
                    "assistantId");
        }
        return affordable(partition, request, credential.get(), except);
    }

    private Verdict affordable(int partition, CallRequest request, Credential credential, String except) {
        int wanted = request.maxDurationSeconds() == null
                ? maxCallSeconds
                : Math.min(maxCallSeconds, request.maxDurationSeconds());
        Optional<WalletBalance> found = wallets.of(request.accountId());
        if (found.isEmpty()) {
            return new Verdict.Refused(
                    "account " + request.accountId() + " has no wallet yet: top it up before placing calls", null);
        }
        WalletBalance wallet = found.get();
        BigDecimal price = wallet.pricePerMinute();
        BigDecimal held = holds.held(partition, request.accountId(), wallet.version(), except);
        BigDecimal available = wallet.balance().subtract(held);
        if (price == null || price.signum() == 0) {
            // A state that predates published prices says nothing of what a minute costs: a positive balance is
            // all that can be asked, and nothing can be held. A free minute leaves the request's limit alone.
            return price != null || available.signum() > 0
                    ? new Verdict.Dialable(credential, wanted, null, wallet.currency())
                    : cannotPay(wallet, held, "any call");
        }
        long minutes = available.signum() <= 0
                ? 0
                : available.divide(price, 0, RoundingMode.FLOOR).longValue();
        if (minutes < 1) {
            return cannotPay(wallet, held, "one minute (" + price.toPlainString() + " " + wallet.currency() + ")");
        }
        int limit = (int) Math.min(wanted, minutes * SECONDS_PER_MINUTE);
        BigDecimal hold = price.multiply(BigDecimal.valueOf(Math.ceilDiv(limit, SECONDS_PER_MINUTE)));
        return new Verdict.Dialable(credential, limit, hold, wallet.currency());
    }

    private static Verdict cannotPay(WalletBalance wallet, BigDecimal held, String what) {
        return new Verdict.Refused(
                "the wallet of account " + wallet.accountId() + " (balance "
                        + wallet.balance().toPlainString() + " "
                        + wallet.currency() + ", " + held.toPlainString() + " of it held by calls in progress) "
                        + "cannot pay for " + what,
                null);
    }
}
