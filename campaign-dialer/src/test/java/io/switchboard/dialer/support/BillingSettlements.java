package io.switchboard.dialer.support;

import java.math.BigDecimal;
import java.time.Instant;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.CallNotCharged;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.SignedEvents;

/** Billing's settlements of placed calls on {@code ledger.v1}, as billing signs them, for a dialer without billing. */
public final class BillingSettlements {

    private BillingSettlements() {}

    /** The call ended at no cost (busy, say): its hold and its slot end at once. */
    public static void notCharged(SignedEvents kafka, CallRequestOutcome placed) {
        notCharged(kafka, placed, "busy");
    }

    /** The call ended {@code finalStatus} (busy, no-answer, failed, canceled) at no cost. */
    public static void notCharged(SignedEvents kafka, CallRequestOutcome placed, String finalStatus) {
        var settled = new CallNotCharged(
                "twilio",
                placed.accountId(),
                placed.callId(),
                placed.requestId(),
                finalStatus,
                finalStatus + " calls are not charged",
                Instant.now());
        kafka.send(
                Topic.LEDGER,
                placed.accountId(),
                kafka.signAs(
                        EventProducers.BILLING_SERVICE,
                        EventTypes.CALL_NOT_CHARGED,
                        EventIds.of("call-not-charged", placed.callId()),
                        placed.callId(),
                        settled.settledAt(),
                        settled));
    }

    /** The call was charged {@code price}, leaving {@code balanceAfter}, in wallet version {@code walletVersion}. */
    public static void charged(
            SignedEvents kafka, CallRequestOutcome placed, String price, String balanceAfter, long walletVersion) {
        var amount = new BigDecimal(price);
        var charged = new CallCharged(
                "twilio",
                placed.accountId(),
                placed.callId(),
                42,
                1,
                amount,
                amount,
                "USD",
                new BigDecimal(balanceAfter),
                Instant.now(),
                placed.requestId(),
                walletVersion);
        kafka.send(
                Topic.LEDGER,
                placed.accountId(),
                kafka.signAs(
                        EventProducers.BILLING_SERVICE,
                        EventTypes.CALL_CHARGED,
                        EventIds.of("call-charged", placed.callId()),
                        placed.callId(),
                        charged.chargedAt(),
                        charged));
    }
}
