package io.switchboard.billing.wallet.messaging;

import io.switchboard.billing.wallet.domain.LedgerPublisher;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.audit.AuditTrail;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.CallNotCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.EventPublisher.Publication;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import org.springframework.stereotype.Component;

/**
 * Writes a ledger entry (ledger.v1) together with the wallet state it leads to (wallets.v1), both keyed
 * by account id, always inside one Kafka transaction so that a reader never sees one without the other; a
 * top-up's audit entry (audit.v1) commits in the same transaction.
 * Event ids are derived from the fact (the call, the top-up), so a re-run publishes the same ids. A
 * charge names its call by call key (provider, account, provider call id), as id and as subject: the
 * same provider call id charged to two accounts is two facts.
 */
@Component
class KafkaLedgerPublisher implements LedgerPublisher {

    private final EventPublisher events;

    KafkaLedgerPublisher(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void publishCharge(CallCharged charged, WalletUpdated wallet) {
        String call = CallKey.of(charged).canonical();
        events.publishAllAndWait(
                new Publication(
                        Topic.LEDGER,
                        charged.accountId(),
                        OutgoingEvent.of(
                                EventTypes.CALL_CHARGED,
                                EventIds.of("call-charged", call),
                                call,
                                charged.chargedAt(),
                                charged)),
                walletState(wallet, "call", call));
    }

    @Override
    public void publishNotCharged(CallNotCharged notCharged) {
        String call = new CallKey(notCharged.provider(), notCharged.accountId(), notCharged.callId()).canonical();
        events.publishAndWait(
                Topic.LEDGER,
                notCharged.accountId(),
                OutgoingEvent.of(
                        EventTypes.CALL_NOT_CHARGED,
                        EventIds.of("call-not-charged", call),
                        call,
                        notCharged.settledAt(),
                        notCharged));
    }

    @Override
    public void publishTopUp(WalletToppedUp toppedUp, WalletUpdated wallet, AuditRecorded audit) {
        events.inOwnTransaction(() -> events.publishAllAndWait(
                new Publication(
                        Topic.LEDGER,
                        toppedUp.accountId(),
                        OutgoingEvent.of(
                                EventTypes.WALLET_TOPPED_UP,
                                EventIds.of("wallet-topped-up", toppedUp.accountId(), toppedUp.topUpId()),
                                toppedUp.accountId(),
                                toppedUp.toppedUpAt(),
                                toppedUp)),
                walletState(wallet, "top-up", toppedUp.topUpId()),
                AuditTrail.publication(audit)));
    }

    private static Publication walletState(WalletUpdated wallet, String cause, String causeId) {
        return new Publication(
                Topic.WALLETS,
                wallet.accountId(),
                OutgoingEvent.of(
                        EventTypes.WALLET_UPDATED,
                        EventIds.of("wallet-updated", wallet.accountId(), cause, causeId),
                        wallet.accountId(),
                        wallet.updatedAt(),
                        wallet));
    }
}
