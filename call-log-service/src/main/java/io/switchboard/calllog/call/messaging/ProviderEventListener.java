package io.switchboard.calllog.call.messaging;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.calllog.call.domain.CallLogWriter;
import io.switchboard.events.call.CallIdentity;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.provider.RecordingReported;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Adds finished recordings to their calls, and the request, assistant and metadata of placed outbound calls. Status callbacks are not read here: the call's state comes
 * from the orchestrator's snapshots, which have already ordered and deduplicated them. The call is the
 * event's provider, account and provider call id; an event whose record key or subject is not that
 * provider call id is refused (logged, counted as {@code switchboard.events.refused}).
 */
@Component
class ProviderEventListener {

    private static final Logger log = LoggerFactory.getLogger(ProviderEventListener.class);
    private static final String COMPLETED = "completed";

    private final EventEnvelopes envelopes;
    private final CallLogWriter callLog;
    private final EventRefusals refusals;
    private final Duration writeTimeout;

    ProviderEventListener(
            EventEnvelopes envelopes, CallLogWriter callLog, EventRefusals refusals, CallLogProperties properties) {
        this.envelopes = envelopes;
        this.callLog = callLog;
        this.refusals = refusals;
        this.writeTimeout = properties.writeTimeout();
    }

    @KafkaListener(id = "call-log-provider-events", idIsGroup = false, topics = Topic.Names.PROVIDER_EVENTS)
    void onProviderEvent(ConsumerRecord<String, CloudEvent> record) {
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (event.is(EventTypes.CALL_PLACED)) {
            onCallPlaced(record, event.as(EventTypes.CALL_PLACED));
            return;
        }
        if (!event.is(EventTypes.RECORDING_REPORTED)) {
            return;
        }
        RecordingReported recording = event.as(EventTypes.RECORDING_REPORTED).payload();
        EventChecks.require(recording.callId() != null, event, "callId");
        if (!COMPLETED.equalsIgnoreCase(recording.status())) {
            log.debug("Ignoring recording {} in status {}", recording.recordingId(), recording.status());
            return;
        }
        CallKey key = EventChecks.callKey(event, recording.provider(), recording.accountId(), recording.callId());
        if (refused(record, event, key)) {
            return;
        }
        try (var callId = MDC.putCloseable("callId", recording.callId());
                var accountId = MDC.putCloseable("accountId", recording.accountId())) {
            callLog.applyRecording(key, recording, event.time()).block(writeTimeout);
            log.debug("Logged recording {}", recording.recordingId());
        }
    }

    private void onCallPlaced(ConsumerRecord<String, CloudEvent> record, ReceivedEvent<CallPlaced> event) {
        CallPlaced placed = event.payload();
        CallKey key = EventChecks.callKey(event, placed.provider(), placed.accountId(), placed.callId());
        if (refused(record, event, key)) {
            return;
        }
        try (var callId = MDC.putCloseable("callId", placed.callId());
                var accountId = MDC.putCloseable("accountId", placed.accountId())) {
            callLog.applyPlacement(key, placed, event.time()).block(writeTimeout);
        }
    }

    private boolean refused(ConsumerRecord<String, CloudEvent> record, ReceivedEvent<?> event, CallKey key) {
        var refusal = CallIdentity.keyedByProviderCall(record.key(), event.subject(), key);
        refusal.ifPresent(reason -> refusals.refuse(record, event.id(), reason));
        return refusal.isPresent();
    }
}
