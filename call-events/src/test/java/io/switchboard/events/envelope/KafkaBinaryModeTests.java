package io.switchboard.events.envelope;

import static io.switchboard.events.fixtures.SamplePayloads.CALL_ID;
import static io.switchboard.events.fixtures.SamplePayloads.OCCURRED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.events.fixtures.SamplePayloads;
import io.switchboard.events.fixtures.TestKeys;
import io.switchboard.events.signing.InvalidSignatureException;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The envelope as it travels: through the same Kafka serializers the auto-configuration installs. */
class KafkaBinaryModeTests {

    private static final String TOPIC = Topic.PROVIDER_EVENTS.topicName();

    private final EventEnvelopes envelopes = new EventEnvelopes(
            URI.create("/switchboard/webhook-ingress"),
            TestKeys.signer("ingress-2025-03"),
            TestKeys.verifierTrusting(EventProducers.WEBHOOK_INGRESS, "ingress-2025-03"));

    @Test
    void whenSerializedThenAttributesTravelAsCeHeadersAndDataAsTheValue() {
        String id = EventIds.of("twilio", CALL_ID, "ringing", "1");
        CloudEvent event =
                envelopes.wrap(EventTypes.CALL_STATUS_REPORTED, id, CALL_ID, OCCURRED_AT, SamplePayloads.ringing());
        Headers headers = new RecordHeaders();

        byte[] value = serializer().serialize(TOPIC, headers, event);

        assertThat(value).isEqualTo(EventJson.write(SamplePayloads.ringing()));
        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo(id);
        assertThat(header(headers, "ce_type")).isEqualTo("switchboard.provider.call-status-reported.v1");
        assertThat(header(headers, "ce_source")).isEqualTo("/switchboard/webhook-ingress");
        assertThat(header(headers, "ce_subject")).isEqualTo(CALL_ID);
        assertThat(OffsetDateTime.parse(header(headers, "ce_time")).toInstant()).isEqualTo(OCCURRED_AT);
        assertThat(header(headers, "ce_sigkeyid")).isEqualTo("ingress-2025-03");
        assertThat(header(headers, "ce_signature")).isEqualTo(event.getExtension("signature"));
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void whenDeserializedThenUnwrapsVerified() {
        CloudEvent event =
                envelopes.wrap(EventTypes.CALL_STATUS_REPORTED, "id-1", CALL_ID, OCCURRED_AT, SamplePayloads.ringing());
        Headers headers = new RecordHeaders();
        byte[] value = serializer().serialize(TOPIC, headers, event);

        ReceivedEvent<Object> received = envelopes.unwrap(deserializer().deserialize(TOPIC, headers, value));

        assertThat(received.id()).isEqualTo("id-1");
        assertThat(received.subject()).isEqualTo(CALL_ID);
        assertThat(received.time()).isEqualTo(OCCURRED_AT);
        assertThat(received.as(EventTypes.CALL_STATUS_REPORTED).payload()).isEqualTo(SamplePayloads.ringing());
    }

    @Test
    void whenBatchSignedThenTheProofTravelsAsAHeaderAndEachRecordUnwrapsVerified() {
        List<CloudEvent> batch = envelopes.signAll(List.of(
                envelopes.unsigned(
                        EventTypes.CALL_STATUS_REPORTED, "id-a", CALL_ID, OCCURRED_AT, SamplePayloads.ringing()),
                envelopes.unsigned(
                        EventTypes.CALL_STATUS_REPORTED, "id-b", CALL_ID, OCCURRED_AT, SamplePayloads.ringing()),
                envelopes.unsigned(
                        EventTypes.CALL_STATUS_REPORTED, "id-c", CALL_ID, OCCURRED_AT, SamplePayloads.ringing())));

        for (CloudEvent event : batch) {
            Headers headers = new RecordHeaders();
            byte[] value = serializer().serialize(TOPIC, headers, event);
            assertThat(header(headers, "ce_sigproof")).isEqualTo(event.getExtension("sigproof"));

            assertThat(envelopes
                            .unwrap(deserializer().deserialize(TOPIC, headers, value))
                            .id())
                    .isEqualTo(event.getId());
        }
    }

    @Test
    void whenAHeaderIsRewrittenInTransitThenSignatureFails() {
        CloudEvent event =
                envelopes.wrap(EventTypes.CALL_STATUS_REPORTED, "id-2", CALL_ID, OCCURRED_AT, SamplePayloads.ringing());
        Headers headers = new RecordHeaders();
        byte[] value = serializer().serialize(TOPIC, headers, event);
        headers.remove("ce_subject");
        headers.add("ce_subject", "CA00000000000000000000000000000000".getBytes(StandardCharsets.UTF_8));

        CloudEvent tampered = deserializer().deserialize(TOPIC, headers, value);

        assertThatThrownBy(() -> envelopes.unwrap(tampered)).isInstanceOf(InvalidSignatureException.class);
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static CloudEventSerializer serializer() {
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private static CloudEventDeserializer deserializer() {
        var deserializer = new CloudEventDeserializer();
        deserializer.configure(Map.of(), false);
        return deserializer;
    }
}
