package io.switchboard.orchestrator.routing.messaging;

import java.time.Clock;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.events.routing.RoutingRequested;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.routing.domain.InboundRouter;
import io.switchboard.orchestrator.routing.domain.OutboundRouter;
import io.switchboard.orchestrator.routing.domain.RoutingDecision;
import io.switchboard.orchestrator.routing.domain.UnknownProviderException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

/**
 * Answers the ingress's routing requests. The reply goes to the topic named by the request's
 * {@code kafka_replyTopic} header, with its {@code kafka_correlationId} and key copied by Spring,
 * through Boot's KafkaTemplate (the container's reply template) inside the record's transaction:
 * the ingress sees it when that transaction commits (its reply consumer must read committed).
 */
@Component
class RoutingRequestListener {

    private final EventEnvelopes envelopes;
    private final InboundRouter router;
    private final OutboundRouter outbound;
    private final Clock clock;

    RoutingRequestListener(EventEnvelopes envelopes, InboundRouter router, OutboundRouter outbound, Clock clock) {
        this.envelopes = envelopes;
        this.router = router;
        this.outbound = outbound;
        this.clock = clock;
    }

    @KafkaListener(
            id = "routing",
            groupId = "${spring.application.name}-routing",
            topics = Topic.Names.ROUTING_REQUESTS)
    @SendTo
    CloudEvent on(ConsumerRecord<String, CloudEvent> record) {
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.ROUTING_REQUESTED)) {
            throw new RejectedEventException("event " + event.id() + " is " + event.type() + ", not a routing request");
        }
        RoutingRequested request = event.as(EventTypes.ROUTING_REQUESTED).payload();
        if (request.callId() == null || request.callId().isBlank()) {
            throw new RejectedEventException("routing request " + event.id() + " has no callId");
        }
        RoutingDecision decision;
        try {
            decision = request.requestId() != null
                    ? outbound.route(
                            request.provider(),
                            request.callId(),
                            request.accountId(),
                            request.from(),
                            request.requestId())
                    : router.route(request.provider(), request.callId(), request.accountId(), request.to());
        } catch (UnknownProviderException e) {
            throw new RejectedEventException("routing request " + event.id() + ": " + e.getMessage());
        }
        var decided = new RoutingDecided(
                decision.callId(),
                decision.assistantId(),
                decision.answer().contentType(),
                decision.answer().body(),
                clock.instant());
        return envelopes.wrap(
                EventTypes.ROUTING_DECIDED,
                EventIds.of("routing", decision.callId()),
                decision.callId(),
                decided.decidedAt(),
                decided);
    }
}
