package io.switchboard.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.account.AccountConfigured.Assistant;
import io.switchboard.events.account.AccountConfigured.PhoneNumber;
import io.switchboard.events.account.AccountConfigured.ProviderCredential;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;

/**
 * Stands in for the orchestrator on accounts.v1 and for billing on wallets.v1, with their signing keys: an
 * account the dialer can place calls for (its number, assistant and sealed Twilio credential) and its
 * wallet. The service under test opens the credential with {@link TestSecrets}' key.
 */
public final class DialableAccounts {

    private DialableAccounts() {}

    public static void configure(
            SignedEvents events,
            String accountId,
            String number,
            String assistantId,
            String twilioAccountSid,
            String twilioAuthToken) {
        configure(events, accountId, List.of(number), assistantId, twilioAccountSid, twilioAuthToken);
    }

    /** An account with several numbers, each answered by {@code assistantId}. */
    public static void configure(
            SignedEvents events,
            String accountId,
            List<String> numbers,
            String assistantId,
            String twilioAccountSid,
            String twilioAuthToken) {
        Instant now = Instant.now();
        var configured = new AccountConfigured(
                accountId,
                accountId,
                numbers.stream()
                        .map(number -> new PhoneNumber(number, assistantId))
                        .toList(),
                List.of(new Assistant(assistantId, assistantId, "wss://assistants.example.com/" + assistantId)),
                List.of(new ProviderCredential(
                        "twilio", twilioAccountSid, TestSecrets.box().seal(twilioAuthToken, accountId), null)),
                now,
                1L);
        events.send(
                Topic.ACCOUNTS,
                accountId,
                events.signAs(
                        EventProducers.CALL_ORCHESTRATOR,
                        EventTypes.ACCOUNT_CONFIGURED,
                        EventIds.of("account-configured", accountId, "1"),
                        accountId,
                        now,
                        configured));
    }

    /** The wallet's state {@code version}: its balance and what a minute costs, in USD. */
    public static void wallet(
            SignedEvents events, String accountId, String balance, String pricePerMinute, long version) {
        Instant now = Instant.now();
        var wallet = new WalletUpdated(
                accountId,
                new BigDecimal(balance),
                "USD",
                now,
                version,
                pricePerMinute == null ? null : new BigDecimal(pricePerMinute));
        events.send(
                Topic.WALLETS,
                accountId,
                events.signAs(
                        EventProducers.BILLING_SERVICE,
                        EventTypes.WALLET_UPDATED,
                        EventIds.of("wallet-updated", accountId, String.valueOf(version)),
                        accountId,
                        now,
                        wallet));
    }
}
