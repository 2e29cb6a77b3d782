package io.switchboard.calllog;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.TestEventKeys;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes signed events as the other services would, with the run's test keys. */
public final class TestEvents {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, CloudEvent> template;
    private final EventEnvelopes envelopes;

    public TestEvents(KafkaTemplate<String, CloudEvent> template) {
        var keys = TestEventKeys.keyPair();
        this.template = template;
        this.envelopes = new EventEnvelopes(URI.create("/test"), new EventSigner(keys.keyId(), keys.privateKey()),
                new EventVerifier(Map.of(keys.keyId(), keys.publicKey())));
    }

    public <T> CloudEvent sign(EventType<T> type, String id, String subject, Instant time, T payload) {
        return envelopes.wrap(type, id, subject, time, payload);
    }

    public RecordMetadata send(Topic topic, String key, CloudEvent event) {
        return template.send(topic.topicName(), key, event)
                .orTimeout(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join().getRecordMetadata();
    }

    /** To a chosen partition: a later record there is processed only after this one. */
    public RecordMetadata send(Topic topic, int partition, String key, CloudEvent event) {
        return template.send(topic.topicName(), partition, key, event)
                .orTimeout(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join().getRecordMetadata();
    }
}
