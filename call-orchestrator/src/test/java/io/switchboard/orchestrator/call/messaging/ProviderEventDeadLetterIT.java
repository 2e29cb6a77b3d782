package io.switchboard.orchestrator.call.messaging;

import static io.switchboard.orchestrator.support.CallIds.newCallId;
import static io.switchboard.orchestrator.support.CallIds.newCallIdInPartitionOf;
import static io.switchboard.testsupport.KafkaRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.orchestrator.support.ProviderEvents;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TestEventKeys;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderEventDeadLetterIT extends OrchestratorIntegrationTest {

    private final SignedEvents producer = SignedEvents.onSharedBroker();
    private final TopicReader<CloudEvent> callStates = TopicReader.cloudEvents(Topic.CALL_STATES.topicName());
    private final TopicReader<byte[]> deadLetters = TopicReader.bytes(Topic.PROVIDER_EVENTS.deadLetterTopicName());

    @AfterEach
    void close() {
        producer.close();
        callStates.close();
        deadLetters.close();
    }

    @Test
    void whenSignatureDoesNotMatchThenTheRecordIsDeadLetteredWithItsReasonAndLaterRecordsFlow() {
        // given a status callback whose data was changed after signing
        String forgedCall = newCallId();
        var forgedCallEvents = new ProviderEvents(forgedCall, "acme");
        CloudEvent signed = forgedCallEvents.status(CallStatus.COMPLETED, 3, 60);
        String forged = new String(signed.getData().toBytes(), StandardCharsets.UTF_8)
                .replace("\"durationSeconds\":60", "\"durationSeconds\":1");
        CloudEvent tampered = CloudEventBuilder.v1(signed)
                .withData("application/json", forged.getBytes(StandardCharsets.UTF_8))
                .build();
        var nextCall = new ProviderEvents(newCallIdInPartitionOf(forgedCall), "acme");

        // when it is published, followed by a good record in the same partition
        producer.send(Topic.PROVIDER_EVENTS, forgedCall, tampered);
        producer.send(Topic.PROVIDER_EVENTS, nextCall.key().providerCallId(), nextCall.placed());

        // then the forged record is a dead letter with its reason, and the good one was applied
        List<ConsumerRecord<String, byte[]>> letters = deadLetters.awaitKey(forgedCall, 1);
        assertThat(header(letters.getFirst(), "kafka_dlt-exception-message")).contains("signature");
        assertThat(header(letters.getFirst(), "kafka_dlt-original-topic")).isEqualTo(Topic.PROVIDER_EVENTS.topicName());
        assertThat(callStates.awaitKey(nextCall.stateKey(), 1)).hasSize(1);
        assertThat(callStates.await(record -> forgedCallEvents.stateKey().equals(record.key()), matched -> true))
                .isEmpty();
    }

    @Test
    void whenACallPlacementIsSignedWithTheIngressKeyThenItIsDeadLetteredWithTheReasonAndNoCallIsCreated() {
        // given a CallPlaced (the dialer's to sign) signed with the internet-facing ingress's trusted key
        String forgedCall = newCallId();
        var forgedCallEvents = new ProviderEvents(forgedCall, "acme");
        CloudEvent fromIngress = SignedEvents.resignAs(EventProducers.WEBHOOK_INGRESS, forgedCallEvents.placed());
        var nextCall = new ProviderEvents(newCallIdInPartitionOf(forgedCall), "acme");

        // when it is published, followed by a good record in the same partition
        producer.send(Topic.PROVIDER_EVENTS, forgedCall, fromIngress);
        producer.send(Topic.PROVIDER_EVENTS, nextCall.key().providerCallId(), nextCall.placed());

        // then it is a dead letter naming who may sign it and whose key signed it, and no call was created
        List<ConsumerRecord<String, byte[]>> letters = deadLetters.awaitKey(forgedCall, 1);
        assertThat(header(letters.getFirst(), "kafka_dlt-exception-message"))
                .contains("type switchboard.dialer.call-placed.v1 may be signed only by campaign-dialer; key "
                        + TestEventKeys.keyPair(EventProducers.WEBHOOK_INGRESS).keyId()
                        + " belongs to webhook-ingress");
        assertThat(callStates.awaitKey(nextCall.stateKey(), 1)).hasSize(1);
        assertThat(callStates.await(record -> forgedCallEvents.stateKey().equals(record.key()), matched -> true))
                .isEmpty();
    }

    @Test
    void whenRecordIsNotACloudEventThenItIsDeadLetteredAndLaterRecordsFlow() {
        // given
        String garbageKey = newCallId();
        var nextCall = new ProviderEvents(newCallIdInPartitionOf(garbageKey), "acme");

        // when
        producer.sendBytes(Topic.PROVIDER_EVENTS, garbageKey, "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        producer.send(Topic.PROVIDER_EVENTS, nextCall.key().providerCallId(), nextCall.placed());

        // then
        List<ConsumerRecord<String, byte[]>> letters = deadLetters.awaitKey(garbageKey, 1);
        assertThat(header(letters.getFirst(), "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(callStates.awaitKey(nextCall.stateKey(), 1)).hasSize(1);
    }

    @Test
    void whenStatusEventHasNoCallIdThenItIsDeadLetteredNamingTheField() {
        // given a signed event about no call
        String key = newCallId();
        CloudEvent event = TestEnvelopes.trusted()
                .wrap(
                        EventTypes.CALL_STATUS_REPORTED,
                        "no-call-" + key,
                        key,
                        Instant.now(),
                        new CallStatusReported(
                                "twilio",
                                "acme",
                                null,
                                null,
                                CallStatus.RINGING,
                                null,
                                null,
                                null,
                                null,
                                1,
                                null,
                                null,
                                null,
                                null,
                                Instant.now()));

        // when
        producer.send(Topic.PROVIDER_EVENTS, key, event);

        // then
        assertThat(header(deadLetters.awaitKey(key, 1).getFirst(), "kafka_dlt-exception-message"))
                .contains("callId");
    }

    @Test
    void whenStatusEventNamesNoAccountThenItIsDeadLetteredNamingTheField() {
        // given a signed status callback that names a call but no account: it cannot say whose call it is
        String key = newCallId();
        CloudEvent event = TestEnvelopes.trusted()
                .wrap(
                        EventTypes.CALL_STATUS_REPORTED,
                        "no-account-" + key,
                        key,
                        Instant.now(),
                        new CallStatusReported(
                                "twilio",
                                null,
                                null,
                                key,
                                CallStatus.COMPLETED,
                                null,
                                null,
                                null,
                                86_400,
                                3,
                                null,
                                null,
                                null,
                                null,
                                Instant.now()));

        // when
        producer.send(Topic.PROVIDER_EVENTS, key, event);

        // then
        assertThat(header(deadLetters.awaitKey(key, 1).getFirst(), "kafka_dlt-exception-message"))
                .contains("accountId");
    }
}
