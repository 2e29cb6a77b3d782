package io.switchboard.ingress.routing.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.events.routing.RoutingRequested;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.messaging.OffEventLoop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.requestreply.KafkaReplyTimeoutException;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Mono;

/**
 * Asks the orchestrator how to answer an inbound call: a signed RoutingRequested to
 * routing-requests.v1, a signed RoutingDecided back on routing-replies.v1. Never fails: no valid
 * answer within the deadline is an empty result, and the caller answers its fallback.
 */
public class RoutingClient implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoutingClient.class);

    private final ReplyingKafkaTemplate<String, CloudEvent, CloudEvent> template;
    private final EventEnvelopes envelopes;
    private final Duration deadline;
    private final MeterRegistry meters;

    RoutingClient(
            ReplyingKafkaTemplate<String, CloudEvent, CloudEvent> template,
            EventEnvelopes envelopes,
            Duration deadline,
            MeterRegistry meters) {
        this.template = template;
        this.envelopes = envelopes;
        this.deadline = deadline;
        this.meters = meters;
    }

    /** {@link #decideAfter(Mono, String, OutgoingEvent, Duration)} with the configured deadline. */
    public Mono<RoutingDecided> decideAfter(
            Mono<Void> callReceived, String accountId, OutgoingEvent<RoutingRequested> request) {
        return decideAfter(callReceived, accountId, request, deadline);
    }

    /**
     * Once {@code callReceived} (the durable record of the inbound call) completes, the decision for
     * the call, or empty when none valid arrived in time. The deadline counts from subscription, not
     * from when the record was acknowledged: the caller waits at most the deadline (plus a slow
     * acknowledgement), never a publish and then a whole deadline. Fails as {@code callReceived} does.
     */
    public Mono<RoutingDecided> decideAfter(
            Mono<Void> callReceived, String accountId, OutgoingEvent<RoutingRequested> request, Duration deadline) {
        return Mono.defer(() -> {
            long startedAt = System.nanoTime();
            return callReceived.then(Mono.defer(() -> {
                Duration remaining = deadline.minusNanos(System.nanoTime() - startedAt);
                if (remaining.isNegative() || remaining.isZero()) {
                    fellBack(
                            new TimeoutException("the call took the whole deadline to record"),
                            accountId,
                            request.subject(),
                            deadline);
                    return Mono.empty();
                }
                return decide(accountId, request, remaining);
            }));
        });
    }

    private Mono<RoutingDecided> decide(String accountId, OutgoingEvent<RoutingRequested> request, Duration deadline) {
        String callId = request.subject();
        // The deadline covers the send too, which may block on metadata.
        return OffEventLoop.send(() -> send(request, deadline), deadline)
                .map(reply -> accept(reply, accountId, callId))
                .doOnNext(decided -> count("decided"))
                .onErrorResume(error -> {
                    fellBack(error, accountId, callId, deadline);
                    return Mono.empty();
                });
    }

    /** Waits until the reply consumer has its partitions and has polled once (for start-up checks and tests). */
    public boolean awaitReplyAssignment(Duration timeout) throws InterruptedException {
        return template.waitForAssignment(timeout);
    }

    private CompletableFuture<ConsumerRecord<String, CloudEvent>> send(
            OutgoingEvent<RoutingRequested> request, Duration deadline) {
        CloudEvent signed =
                envelopes.wrap(request.type(), request.id(), request.subject(), request.time(), request.payload());
        var record = new ProducerRecord<>(Topic.ROUTING_REQUESTS.topicName(), request.subject(), signed);
        record.headers()
                .add(KafkaHeaders.REPLY_TOPIC, Topic.ROUTING_REPLIES.topicName().getBytes(StandardCharsets.UTF_8));
        return template.sendAndReceive(record, deadline);
    }

    private RoutingDecided accept(ConsumerRecord<String, CloudEvent> reply, String accountId, String callId) {
        ReceivedEvent<Object> event;
        try {
            event = envelopes.unwrap(reply.value());
        } catch (RejectedEventException e) {
            throw new InvalidReplyException(e.getMessage());
        }
        if (!event.is(EventTypes.ROUTING_DECIDED)) {
            throw new InvalidReplyException("reply " + event.id() + " is " + event.type());
        }
        RoutingDecided decided = event.as(EventTypes.ROUTING_DECIDED).payload();
        if (!callId.equals(decided.callId())
                || decided.answerDocument() == null
                || decided.answerDocument().isBlank()) {
            throw new InvalidReplyException("reply " + event.id() + " is for another call or has no answer");
        }
        log.atInfo()
                .addKeyValue("callId", callId)
                .addKeyValue("accountId", accountId)
                .log("Routed call {} of account {} to assistant {}", callId, accountId, decided.assistantId());
        return decided;
    }

    private void fellBack(Throwable error, String accountId, String callId, Duration deadline) {
        if (error instanceof TimeoutException || error instanceof KafkaReplyTimeoutException) {
            meters.counter("switchboard.routing.deadline.misses").increment();
            count("deadline-missed");
            log.atWarn()
                    .addKeyValue("callId", callId)
                    .addKeyValue("accountId", accountId)
                    .log(
                            "No routing decision for call {} of account {} within {}: answering the fallback",
                            callId,
                            accountId,
                            deadline);
            return;
        }
        count(error instanceof InvalidReplyException ? "rejected" : "failed");
        log.atWarn()
                .addKeyValue("callId", callId)
                .addKeyValue("accountId", accountId)
                .log(
                        "Routing call {} of account {} failed, answering the fallback: {}",
                        callId,
                        accountId,
                        error.toString());
    }

    private void count(String outcome) {
        meters.counter("switchboard.routing.replies", "outcome", outcome).increment();
    }

    @Override
    public void start() {
        template.start();
    }

    @Override
    public void stop() {
        template.stop();
    }

    @Override
    public boolean isRunning() {
        return template.isRunning();
    }

    @Override
    public void destroy() {
        template.destroy();
    }

    /** A reply that is not a valid, signed decision for the call asked about. */
    private static final class InvalidReplyException extends RuntimeException {

        InvalidReplyException(String message) {
            super(message);
        }
    }
}
