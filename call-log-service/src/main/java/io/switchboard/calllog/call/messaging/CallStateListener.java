package io.switchboard.calllog.call.messaging;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.calllog.call.domain.CallLogWriter;
import io.switchboard.events.call.CallIdentity;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each call's document in step with its latest state snapshot. At-least-once: the offset is
 * committed after the write, and a redelivered snapshot is harmless (see {@link CallLogWriter}). The
 * document is the call's, by call key (provider, account, provider call id); a snapshot whose record
 * key or subject is not that key is refused (logged, counted as {@code switchboard.events.refused}), and
 * so is a tombstone, which nobody signs ({@code unsigned-tombstone}): the document stays.
 */
@Component
class CallStateListener {

    private static final Logger log = LoggerFactory.getLogger(CallStateListener.class);

    private final EventEnvelopes envelopes;
    private final CallLogWriter callLog;
    private final EventRefusals refusals;
    private final Duration writeTimeout;

    CallStateListener(
            EventEnvelopes envelopes, CallLogWriter callLog, EventRefusals refusals, CallLogProperties properties) {
        this.envelopes = envelopes;
        this.callLog = callLog;
        this.refusals = refusals;
        this.writeTimeout = properties.writeTimeout();
    }

    @KafkaListener(id = "call-log-call-states", idIsGroup = false, topics = Topic.Names.CALL_STATES)
    void onCallState(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.CALL_STATE_CHANGED)) {
            log.debug("Ignoring {} on {}", event.type(), record.topic());
            return;
        }
        CallStateChanged state = event.as(EventTypes.CALL_STATE_CHANGED).payload();
        CallKey key = EventChecks.callKey(event, state.provider(), state.accountId(), state.callId());
        EventChecks.require(state.status() != null, event, "status");
        var refusal = CallIdentity.keyedByCall(record.key(), event.subject(), key);
        if (refusal.isPresent()) {
            refusals.refuse(record, event.id(), refusal.get());
            return;
        }
        try (var callId = MDC.putCloseable("callId", state.callId());
                var accountId = MDC.putCloseable("accountId", state.accountId())) {
            boolean applied = Boolean.TRUE.equals(
                    callLog.applyState(key, state, event.time()).block(writeTimeout));
            if (applied) {
                log.debug("Logged call state {}", state.status().wireValue());
            } else {
                log.info(
                        "Ignored snapshot {} ({}): the logged call is further along",
                        event.id(),
                        state.status().wireValue());
            }
        }
    }
}
