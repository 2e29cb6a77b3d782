package io.switchboard.calllog.call.messaging;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.calllog.call.domain.CallLogWriter;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallIdentity;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Puts each call's cost on its document (by call key: provider, account, provider call id); wallet
 * top-ups on the same topic are not about a call. A charge filed under another account's key, or whose
 * subject is not its call, is refused (logged, counted as {@code switchboard.events.refused}).
 */
@Component
class LedgerListener {

    private final EventEnvelopes envelopes;
    private final CallLogWriter callLog;
    private final EventRefusals refusals;
    private final Duration writeTimeout;

    LedgerListener(
            EventEnvelopes envelopes, CallLogWriter callLog, EventRefusals refusals, CallLogProperties properties) {
        this.envelopes = envelopes;
        this.callLog = callLog;
        this.refusals = refusals;
        this.writeTimeout = properties.writeTimeout();
    }

    @KafkaListener(id = "call-log-ledger", idIsGroup = false, topics = Topic.Names.LEDGER)
    void onLedgerEntry(ConsumerRecord<String, CloudEvent> record) {
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.CALL_CHARGED)) {
            return;
        }
        CallCharged charge = event.as(EventTypes.CALL_CHARGED).payload();
        CallKey key = EventChecks.callKey(event, charge.provider(), charge.accountId(), charge.callId());
        var refusal = CallIdentity.keyedByAccount(record.key(), event.subject(), key);
        if (refusal.isPresent()) {
            refusals.refuse(record, event.id(), refusal.get());
            return;
        }
        try (var callId = MDC.putCloseable("callId", charge.callId());
                var accountId = MDC.putCloseable("accountId", charge.accountId())) {
            callLog.applyCharge(key, charge, event.time()).block(writeTimeout);
        }
    }
}
