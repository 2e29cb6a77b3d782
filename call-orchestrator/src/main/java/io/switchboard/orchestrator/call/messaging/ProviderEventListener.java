package io.switchboard.orchestrator.call.messaging;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.events.call.CallIdentity;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.domain.CallFact;
import io.switchboard.orchestrator.call.domain.CallStore;
import io.switchboard.orchestrator.call.domain.CallTracker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies provider and dialer events to the calls they are about: statuses, and who answered. Runs in a Kafka transaction
 * (consume, publish the new state, commit the offset, all or nothing). A record that cannot be
 * verified or decoded throws {@code RejectedEventException} and is dead-lettered. A call event whose
 * record key or subject is not the provider call id its payload names is refused (logged and counted
 * as {@code switchboard.events.refused}) and passed over: its partition would not be its call's.
 */
@Component
class ProviderEventListener {

    private static final Logger log = LoggerFactory.getLogger(ProviderEventListener.class);

    private final EventEnvelopes envelopes;
    private final ProviderEventFacts facts;
    private final CallTracker tracker;
    private final CallStore store;
    private final CallStateRebuilder rebuilder;
    private final EventRefusals refusals;

    ProviderEventListener(
            EventEnvelopes envelopes,
            ProviderEventFacts facts,
            CallTracker tracker,
            CallStore store,
            CallStateRebuilder rebuilder,
            EventRefusals refusals) {
        this.envelopes = envelopes;
        this.facts = facts;
        this.tracker = tracker;
        this.store = store;
        this.rebuilder = rebuilder;
        this.refusals = refusals;
    }

    @KafkaListener(
            id = "orchestrator-provider-events",
            groupId = "${spring.application.name}",
            topics = Topic.Names.PROVIDER_EVENTS)
    void on(ConsumerRecord<String, CloudEvent> record) {
        try (var callId = MDC.putCloseable("callId", record.key())) {
            ReceivedEvent<Object> event = envelopes.unwrap(record.value());
            if (!store.holds(record.partition())) {
                // The replay at assignment failed; a failure here rolls back and the record is retried.
                rebuilder.rebuild(record.partition());
            }
            Optional<CallFact> fact = facts.factOf(event);
            if (fact.isPresent()) {
                apply(record, event, fact.get().key(), () -> tracker.apply(record.partition(), fact.get()));
                return;
            }
            facts.detectionOf(event)
                    .ifPresentOrElse(
                            detection -> apply(
                                    record, event, detection.key(), () -> tracker.apply(record.partition(), detection)),
                            () -> log.debug("Not a call state event: {} {}", event.type(), event.id()));
        }
    }

    private void apply(
            ConsumerRecord<String, CloudEvent> record, ReceivedEvent<Object> event, CallKey call, Runnable change) {
        Optional<Refusal> refusal = CallIdentity.keyedByProviderCall(record.key(), event.subject(), call);
        if (refusal.isPresent()) {
            refusals.refuse(record, event.id(), refusal.get());
            return;
        }
        try (var accountId = MDC.putCloseable("accountId", call.accountId())) {
            change.run();
        }
    }
}
