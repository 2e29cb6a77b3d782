package io.switchboard.ingress.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.events.routing.RoutingRequested;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestKafkaClients;
import io.switchboard.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Stands in for the orchestrator: reads routing-requests.v1 and, for the calls a test told it to
 * answer, replies with a signed RoutingDecided to the request's reply topic and correlation id.
 * Requests for other calls go unanswered, as when the orchestrator is slow or down.
 */
public final class TestRouter implements AutoCloseable {

    private final EventEnvelopes envelopes = TestEnvelopes.trusted("/switchboard/call-orchestrator");
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, RoutingRequested> requests = new ConcurrentHashMap<>();
    private final KafkaProducer<String, CloudEvent> producer;
    private final TopicProbe probe;

    public TestRouter(String bootstrapServers) {
        this.producer = new KafkaProducer<>(
                TestKafkaClients.producerConfig(bootstrapServers),
                new StringSerializer(),
                TestKafkaClients.cloudEventSerializer());
        this.probe = TopicProbe.fromEnd(bootstrapServers, Topic.ROUTING_REQUESTS, this::onRequest);
    }

    /** From now on, a routing request for this call is answered with this TwiML. */
    public void answer(String callId, String twiml) {
        answer(callId, "text/xml", twiml);
    }

    /** From now on, a routing request for this call is answered with this document (e.g. VAPI's JSON). */
    public void answer(String callId, String contentType, String document) {
        answers.put(callId, new Answer(contentType, document));
    }

    public RoutingRequested requestFor(String callId) {
        return requests.get(callId);
    }

    private void onRequest(ConsumerRecord<String, CloudEvent> record, ReceivedEvent<Object> event) {
        RoutingRequested request = event.as(EventTypes.ROUTING_REQUESTED).payload();
        requests.put(request.callId(), request);
        Answer answer = answers.get(request.callId());
        if (answer == null) {
            return;
        }
        var decided = new RoutingDecided(
                request.callId(), "assistant-1", answer.contentType(), answer.document(), Instant.now());
        CloudEvent reply = envelopes.wrap(
                EventTypes.ROUTING_DECIDED,
                EventIds.of("test-routing", request.callId()),
                request.callId(),
                decided.decidedAt(),
                decided);
        Header replyTopic = record.headers().lastHeader(KafkaHeaders.REPLY_TOPIC);
        Header correlation = record.headers().lastHeader(KafkaHeaders.CORRELATION_ID);
        var out = new ProducerRecord<>(new String(replyTopic.value()), request.callId(), reply);
        out.headers().add(KafkaHeaders.CORRELATION_ID, correlation.value());
        producer.send(out);
    }

    @Override
    public void close() throws InterruptedException {
        probe.close();
        producer.close();
    }

    private record Answer(String contentType, String document) {}
}
