package io.switchboard.dialer.request.messaging;

import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import org.springframework.stereotype.Component;

/**
 * Publishes the dialer's events to provider-events.v1. Called from the transactional listener, so
 * each send joins the listener's Kafka transaction; waiting on it surfaces a failed send as a
 * failed record (rolled back and retried while the broker cannot take it) instead of losing it.
 */
@Component
class DialerEventPublisher {

    private final EventPublisher events;

    DialerEventPublisher(EventPublisher events) {
        this.events = events;
    }

    /** Keyed and subject by the provider's call id, like every other event of the call. */
    void placed(CallPlaced placed) {
        String id = EventIds.of("call-placed", placed.requestId());
        events.publishAndWait(
                Topic.PROVIDER_EVENTS,
                placed.callId(),
                OutgoingEvent.of(EventTypes.CALL_PLACED, id, placed.callId(), placed.placedAt(), placed));
    }

    /** Keyed by the request id, or by the record's own key when the request id could not be read. */
    void rejected(RequestOrigin origin, CallRequestRejected rejected) {
        String requestId = rejected.requestId();
        String id = EventIds.of("call-request-rejected", requestId != null ? requestId : origin.position());
        String key = requestId != null ? requestId : origin.key();
        events.publishAndWait(
                Topic.PROVIDER_EVENTS,
                key,
                OutgoingEvent.of(EventTypes.CALL_REQUEST_REJECTED, id, key, rejected.rejectedAt(), rejected));
    }
}
