package io.switchboard.billing.wallet.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.switchboard.billing.config.BillingProperties;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import org.springframework.kafka.KafkaException;
import org.springframework.stereotype.Component;

/**
 * Writes a ledger entry (ledger.v1) together with the wallet state it leads to (wallets.v1), both keyed
 * by account id, always inside one Kafka transaction so that a reader never sees one without the other.
 * Event ids are derived from the fact (the call, the top-up), so a re-run publishes the same ids.
 */
@Component
public class LedgerPublisher {

    private final EventPublisher events;
    private final Duration timeout;

    LedgerPublisher(EventPublisher events, BillingProperties properties) {
        this.events = events;
        this.timeout = properties.publishTimeout();
    }

    /** Joins the caller's Kafka transaction (the charging listener's), which commits them with the offset. */
    public void publishCharge(CallCharged charged, WalletUpdated wallet) {
        awaitAll(
                events.publish(Topic.LEDGER, charged.accountId(), OutgoingEvent.of(EventTypes.CALL_CHARGED,
                        EventIds.of("call-charged", charged.callId()), charged.callId(), charged.chargedAt(), charged)),
                events.publish(Topic.WALLETS, wallet.accountId(), OutgoingEvent.of(EventTypes.WALLET_UPDATED,
                        EventIds.of("wallet-updated", wallet.accountId(), "call", charged.callId()), wallet.accountId(),
                        wallet.updatedAt(), wallet)));
    }

    /** In a Kafka transaction of its own; committed when this returns, else it throws. */
    public void publishTopUp(WalletToppedUp toppedUp, WalletUpdated wallet) {
        events.template().executeInTransaction(operations -> {
            awaitAll(
                    events.publish(Topic.LEDGER, toppedUp.accountId(), OutgoingEvent.of(EventTypes.WALLET_TOPPED_UP,
                            EventIds.of("wallet-topped-up", toppedUp.accountId(), toppedUp.topUpId()),
                            toppedUp.accountId(), toppedUp.toppedUpAt(), toppedUp)),
                    events.publish(Topic.WALLETS, wallet.accountId(), OutgoingEvent.of(EventTypes.WALLET_UPDATED,
                            EventIds.of("wallet-updated", wallet.accountId(), "top-up", toppedUp.topUpId()),
                            wallet.accountId(), wallet.updatedAt(), wallet)));
            return null;
        });
    }

    private void awaitAll(CompletableFuture<?>... sends) {
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing to the ledger", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("publishing to the ledger failed", e);
        }
    }
}
