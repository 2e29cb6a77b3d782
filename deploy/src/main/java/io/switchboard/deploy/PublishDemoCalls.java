package io.switchboard.deploy;

import java.util.Map;
import java.util.UUID;

import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./dev calls N}: publishes N call requests for the demo account to a running local stack,
 * exactly as an internal system would (plain JSON on {@code call-requests.v1}). Destinations cycle
 * through the simulator's scripted outcomes: mostly answered, some busy, no-answer and failed.
 */
public final class PublishDemoCalls {

    private static final String[] DESTINATION_SUFFIXES = {"1001", "1002", "0002", "1003", "0003", "1004", "0004"};

    private PublishDemoCalls() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String bootstrap = args.length > 1 ? args[1] : "localhost:9092";
        String batch = UUID.randomUUID().toString().substring(0, 8);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                var request = new CallRequest(
                        "demo-" + batch + "-" + i,
                        StackConfig.DEMO_ACCOUNT,
                        "+1650555" + DESTINATION_SUFFIXES[i % DESTINATION_SUFFIXES.length],
                        StackConfig.DEMO_NUMBER,
                        StackConfig.DEMO_ASSISTANT,
                        Map.of("campaign", "demo-" + batch));
                producer.send(new ProducerRecord<>(
                                Topic.CALL_REQUESTS.topicName(),
                                request.requestId(),
                                EventJson.mapper().writeValueAsString(request)))
                        .get();
                System.out.println("requested " + request.requestId() + " -> " + request.to());
            }
        }
        System.out.println("Published " + count + " call requests (batch " + batch + "). Watch them land: "
                + "curl -s -H \"Authorization: Bearer $(./dev token)\" 'http://localhost:8084/api/calls?size=" + count
                + "'");
    }
}
