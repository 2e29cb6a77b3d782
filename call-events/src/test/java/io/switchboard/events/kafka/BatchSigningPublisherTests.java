package io.switchboard.events.kafka;

import static io.switchboard.events.fixtures.SamplePayloads.OCCURRED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.fixtures.SamplePayloads;
import io.switchboard.events.fixtures.TestKeys;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.SendResult;

class BatchSigningPublisherTests {

    private static final String KEY_ID = "ingress-2025-03";

    private final EventEnvelopes envelopes = new EventEnvelopes(
            URI.create("/switchboard/webhook-ingress"),
            TestKeys.signer(KEY_ID),
            TestKeys.verifierTrusting(EventProducers.WEBHOOK_INGRESS, KEY_ID));
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private MockProducer<String, CloudEvent> producer = mockProducer(true);
    private BatchSigningPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void whenEventsArriveWithinTheLingerThenOneSignatureCoversThemAndEachVerifiesAlone() throws Exception {
        publisher = publisher(Duration.ofMillis(200), 100);

        List<CompletableFuture<SendResult<String, CloudEvent>>> sent = publish(7);

        allOf(sent).get(5, TimeUnit.SECONDS);
        assertThat(batchSizes).containsExactly(7);
        List<ProducerRecord<String, CloudEvent>> records = producer.history();
        assertThat(records)
                .extracting(ProducerRecord::key)
                .containsExactly("CA0", "CA1", "CA2", "CA3", "CA4", "CA5", "CA6");
        assertThat(records).extracting(ProducerRecord::topic).containsOnly(Topic.PROVIDER_EVENTS.topicName());
        assertThat(records)
                .extracting(record -> record.value().getExtension(EventSigner.SIGNATURE_EXTENSION))
                .containsOnly(records.getFirst().value().getExtension(EventSigner.SIGNATURE_EXTENSION));
        for (ProducerRecord<String, CloudEvent> record : records) {
            var verifierAlone = new EventEnvelopes(
                    URI.create("/switchboard/reader"),
                    TestKeys.signer("reader"),
                    TestKeys.verifierTrusting(EventProducers.WEBHOOK_INGRESS, KEY_ID));
            assertThat(verifierAlone.unwrap(record.value()).subject()).isEqualTo(record.key());
        }
    }

    @Test
    void whenMoreThanABatchArrivesThenNoBatchIsLargerThanTheMaximum() throws Exception {
        publisher = publisher(Duration.ofSeconds(30), 10);
        List<CompletableFuture<SendResult<String, CloudEvent>>> sent = publish(25);

        publisher.close();

        allOf(sent).get(5, TimeUnit.SECONDS);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 10));
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
        assertThat(producer.history()).hasSize(25);
    }

    @Test
    void whenLingerIsZeroThenEveryEventIsSentWithoutWaiting() throws Exception {
        publisher = publisher(Duration.ZERO, 100);

        for (int i = 0; i < 3; i++) {
            publisher.publish(Topic.PROVIDER_EVENTS, "CA" + i, event(i)).get(5, TimeUnit.SECONDS);
        }

        assertThat(batchSizes).containsExactly(1, 1, 1);
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.value().getExtension(EventSigner.PROOF_EXTENSION)).isNull();
            envelopes.unwrap(record.value());
        });
    }

    @Test
    void whenTheBrokerFailsOneSendThenOnlyItsFutureFails() throws Exception {
        producer = mockProducer(false);
        publisher = publisher(Duration.ofMillis(50), 100);

        List<CompletableFuture<SendResult<String, CloudEvent>>> sent = publish(3);
        waitForSends(3);
        producer.completeNext();
        producer.errorNext(new TimeoutException("no acks in time"));
        producer.completeNext();

        assertThat(sent.get(0).get(5, TimeUnit.SECONDS).getRecordMetadata()).isNotNull();
        assertThatThrownBy(() -> sent.get(1).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(sent.get(2).get(5, TimeUnit.SECONDS).getRecordMetadata()).isNotNull();
    }

    @Test
    void whenSendThrowsThenTheFutureFailsAndTheSignerGoesOn() throws Exception {
        producer.sendException = new IllegalStateException("producer closed");
        publisher = publisher(Duration.ZERO, 100);

        assertThatThrownBy(() -> publisher
                        .publish(Topic.PROVIDER_EVENTS, "CA0", event(0))
                        .get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("producer closed");
        producer.sendException = null;
        assertThat(publisher.publish(Topic.PROVIDER_EVENTS, "CA1", event(1)).get(5, TimeUnit.SECONDS))
                .isNotNull();
    }

    @Test
    void whenClosedThenQueuedEventsAreSentAndLaterOnesFail() throws Exception {
        publisher = publisher(Duration.ofSeconds(30), 100);
        List<CompletableFuture<SendResult<String, CloudEvent>>> sent = publish(2);

        publisher.close();

        allOf(sent).get(5, TimeUnit.SECONDS);
        assertThat(producer.history()).hasSize(2);
        assertThat(publisher.publish(Topic.PROVIDER_EVENTS, "CA9", event(9))).isCompletedExceptionally();
    }

    /**
     * With the serializers the auto-configuration installs (the records travel in binary mode), and
     * open across sends: KafkaTemplate closes a factory's producer after each send, as it may a shared one.
     */
    private static MockProducer<String, CloudEvent> mockProducer(boolean autoComplete) {
        var values = new CloudEventSerializer();
        values.configure(Map.of(), false);
        return new MockProducer<>(autoComplete, null, new StringSerializer(), values) {
            @Override
            public void close(Duration timeout) {}
        };
    }

    private BatchSigningPublisher publisher(Duration linger, int maxBatch) {
        var template = new KafkaTemplate<>(new MockProducerFactory<String, CloudEvent>(() -> producer));
        return new BatchSigningPublisher(template, envelopes, linger, maxBatch, batchSizes::add);
    }

    private List<CompletableFuture<SendResult<String, CloudEvent>>> publish(int count) {
        List<CompletableFuture<SendResult<String, CloudEvent>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(publisher.publish(Topic.PROVIDER_EVENTS, "CA" + i, event(i)));
        }
        return sent;
    }

    private void waitForSends(int count) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(producer.history()).hasSize(count));
    }

    private static OutgoingEvent<?> event(int i) {
        return OutgoingEvent.of(
                EventTypes.CALL_STATUS_REPORTED, "event-" + i, "CA" + i, OCCURRED_AT, SamplePayloads.ringing());
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<SendResult<String, CloudEvent>>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }
}
