package io.switchboard.calllog.call.messaging;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.calllog.call.domain.CallLogWriter;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Puts each call's cost on its document; wallet top-ups on the same topic are not about a call. */
@Component
class LedgerListener {

    private final EventEnvelopes envelopes;
    private final CallLogWriter callLog;
    private final Duration writeTimeout;

    LedgerListener(EventEnvelopes envelopes, CallLogWriter callLog, CallLogProperties properties) {
        this.envelopes = envelopes;
        this.callLog = callLog;
        this.writeTimeout = properties.writeTimeout();
    }

    @KafkaListener(id = "call-log-ledger", idIsGroup = false, topics = Topic.Names.LEDGER)
    void onLedgerEntry(ConsumerRecord<String, CloudEvent> record) {
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.CALL_CHARGED)) {
            return;
        }
        CallCharged charge = event.as(EventTypes.CALL_CHARGED).payload();
        EventChecks.require(charge.callId() != null, event, "callId");
        try (var callId = MDC.putCloseable("callId", charge.callId())) {
            callLog.applyCharge(charge, event.time()).block(writeTimeout);
        }
    }
}
