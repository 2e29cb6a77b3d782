package io.switchboard.events.envelope;

import static io.switchboard.events.fixtures.SamplePayloads.CALL_ID;
import static io.switchboard.events.fixtures.SamplePayloads.OCCURRED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.fixtures.SamplePayloads;
import io.switchboard.events.fixtures.TestKeys;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.InvalidSignatureException;
import org.junit.jupiter.api.Test;

class EventEnvelopesTests {

    private static final URI SOURCE = URI.create("/switchboard/webhook-ingress");

    private final EventEnvelopes envelopes = new EventEnvelopes(
            SOURCE, TestKeys.signer("ingress-2025-03"), TestKeys.verifierTrusting("ingress-2025-03"));

    @Test
    void whenWrappedThenUnwrapsToTheSamePayloadAndAttributes() {
        var payload = SamplePayloads.ringing();
        String id = EventIds.of("twilio", CALL_ID, "ringing", "1");

        ReceivedEvent<Object> received =
                envelopes.unwrap(envelopes.wrap(EventTypes.CALL_STATUS_REPORTED, id, CALL_ID, OCCURRED_AT, payload));

        assertThat(received.id()).isEqualTo(id);
        assertThat(received.type()).isEqualTo("switchboard.provider.call-status-reported.v1");
        assertThat(received.subject()).isEqualTo(CALL_ID);
        assertThat(received.time()).isEqualTo(OCCURRED_AT);
        assertThat(received.is(EventTypes.CALL_STATUS_REPORTED)).isTrue();
        assertThat(received.as(EventTypes.CALL_STATUS_REPORTED).payload()).isEqualTo(payload);
    }

    @Test
    void whenWrappedThenEventIsSignedJsonFromThisSource() {
        CloudEvent event =
                envelopes.wrap(EventTypes.CALL_STATUS_REPORTED, "id-1", CALL_ID, OCCURRED_AT, SamplePayloads.ringing());

        assertThat(event.getSource()).isEqualTo(SOURCE);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo(EventJson.write(SamplePayloads.ringing()));
        assertThat(event.getExtension(EventSigner.KEY_ID_EXTENSION)).isEqualTo("ingress-2025-03");
        assertThat(event.getExtension(EventSigner.SIGNATURE_EXTENSION)).isNotNull();
    }

    @Test
    void whenAskedForAnotherTypeThenReceivedEventRefuses() {
        ReceivedEvent<Object> received = envelopes.unwrap(envelopes.wrap(
                EventTypes.CALL_STATUS_REPORTED, "id-2", CALL_ID, OCCURRED_AT, SamplePayloads.ringing()));

        assertThat(received.is(EventTypes.CALL_PLACED)).isFalse();
        assertThatThrownBy(() -> received.as(EventTypes.CALL_PLACED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenTypeIsUnknownThenRejectedEvenIfSignedByATrustedKey() {
        CloudEvent unknownType = TestKeys.signer("ingress-2025-03")
                .sign(unsigned("switchboard.provider.call-faxed.v1", EventJson.write(SamplePayloads.ringing())));

        assertThatThrownBy(() -> envelopes.unwrap(unknownType))
                .isInstanceOf(RejectedEventException.class)
                .isNotInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("unknown type switchboard.provider.call-faxed.v1");
    }

    @Test
    void whenDataDoesNotMatchItsTypeThenRejected() {
        byte[] badStatus = new String(EventJson.write(SamplePayloads.ringing()), StandardCharsets.UTF_8)
                .replace("\"ringing\"", "\"answered\"")
                .getBytes(StandardCharsets.UTF_8);
        CloudEvent event =
                TestKeys.signer("ingress-2025-03").sign(unsigned(EventTypes.CALL_STATUS_REPORTED.token(), badStatus));

        assertThatThrownBy(() -> envelopes.unwrap(event))
                .isInstanceOf(RejectedEventException.class)
                .hasMessageContaining("does not match " + EventTypes.CALL_STATUS_REPORTED.token())
                .hasCauseInstanceOf(RuntimeException.class);
    }

    @Test
    void whenEventHasNoDataThenRejected() {
        CloudEvent event = TestKeys.signer("ingress-2025-03")
                .sign(CloudEventBuilder.v1()
                        .withId("id-3")
                        .withType(EventTypes.CALL_STATUS_REPORTED.token())
                        .withSource(SOURCE)
                        .build());

        assertThatThrownBy(() -> envelopes.unwrap(event))
                .isInstanceOf(RejectedEventException.class)
                .hasMessageContaining("has no data");
    }

    @Test
    void whenRecordHasNoValueThenRejected() {
        assertThatThrownBy(() -> envelopes.unwrap(null)).isInstanceOf(RejectedEventException.class);
    }

    @Test
    void whenSignedByAnUntrustedSourceThenRejectedAsInvalidSignature() {
        var impostor = new EventEnvelopes(SOURCE, TestKeys.signer("impostor"), TestKeys.verifierTrusting("impostor"));
        CloudEvent event =
                impostor.wrap(EventTypes.CALL_STATUS_REPORTED, "id-4", CALL_ID, OCCURRED_AT, SamplePayloads.ringing());

        assertThatThrownBy(() -> envelopes.unwrap(event)).isInstanceOf(InvalidSignatureException.class);
    }

    private static CloudEvent unsigned(String type, byte[] data) {
        return CloudEventBuilder.v1()
                .withId("id-x")
                .withType(type)
                .withSource(SOURCE)
                .withSubject(CALL_ID)
                .withTime(OCCURRED_AT.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
    }
}
