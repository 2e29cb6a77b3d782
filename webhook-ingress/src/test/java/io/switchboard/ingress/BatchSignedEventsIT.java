package io.switchboard.ingress;

import static io.switchboard.testsupport.KafkaRecords.cloudEvent;
import static io.switchboard.testsupport.KafkaRecords.header;
import static org.apache.kafka.common.IsolationLevel.READ_COMMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.topic.Topic;
import io.switchboard.ingress.testing.TwilioForms;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Callbacks arriving together are published under one batch signature, and each record on
 * provider-events.v1 still verifies alone with only the ingress's public key. A long linger here
 * makes the batch certain; in production it is 1 ms.
 */
@TestPropertySource(properties = "switchboard.ingress.signing.linger=300ms")
class BatchSignedEventsIT extends WebhookIngressITSupport {

    private static final String STATUS = "/webhooks/twilio/" + ACCOUNT + "/status";
    private static final int CALLBACKS = 8;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenCallbacksArriveTogetherThenOneSignatureCoversThemAndEachRecordVerifiesAlone() {
        var topic = TopicSnapshot.of(SharedKafkaBroker.bootstrapServers(), List.of(Topic.PROVIDER_EVENTS.topicName()));
        List<String> callSids = IntStream.range(0, CALLBACKS)
                .mapToObj(i -> TwilioForms.newCallSid())
                .toList();

        try (var senders = Executors.newFixedThreadPool(CALLBACKS)) {
            CompletableFuture.allOf(callSids.stream()
                            .map(callSid -> CompletableFuture.runAsync(
                                    () -> postSigned(STATUS, TwilioForms.status(callSid))
                                            .expectStatus()
                                            .isOk(),
                                    senders))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }

        var records = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> topic.recordsSince(READ_COMMITTED).stream()
                                .filter(record -> callSids.contains(record.key()))
                                .toList(),
                        found -> found.size() == CALLBACKS);
        var verifyingAlone = TestEnvelopes.trusted("/switchboard/a-reader");
        assertThat(records)
                .allSatisfy(record -> assertThat(
                                verifyingAlone.unwrap(cloudEvent(record)).subject())
                        .isEqualTo(record.key()));
        Map<String, Long> recordsBySignature = records.stream()
                .collect(Collectors.groupingBy(record -> header(record, "ce_signature"), Collectors.counting()));
        assertThat(recordsBySignature.values())
                .anySatisfy(count -> assertThat(count).isGreaterThan(1));
        assertThat(records)
                .filteredOn(record -> recordsBySignature.get(header(record, "ce_signature")) > 1)
                .allSatisfy(record -> assertThat(header(record, "ce_" + EventSigner.PROOF_EXTENSION))
                        .isNotBlank());
        assertThat(meters.get("switchboard.webhook.signing.batch.size")
                        .summary()
                        .max())
                .isGreaterThan(1);
    }
}
