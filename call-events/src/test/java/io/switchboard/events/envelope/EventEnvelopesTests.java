package io.switchboard.events.envelope;

import static io.switchboard.events.fixtures.SamplePayloads.CALL_ID;
import static io.switchboard.events.fixtures.SamplePayloads.OCCURRED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.fixtures.SamplePayloads;
import io.switchboard.events.fixtures.TestKeys;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.signing.InvalidSignatureException;
import io.switchboard.events.signing.UnauthorizedSignerException;
import org.junit.jupiter.api.Test;

class EventEnvelopesTests {

    private static final URI SOURCE = URI.create("/switchboard/webhook-ingress");

    private final EventEnvelopes envelopes = new EventEnvelopes(
            SOURCE,
            TestKeys.signer("ingress-2025-03"),
            TestKeys.verifierTrusting(EventProducers.WEBHOOK_INGRESS, "ingress-2025-03"));

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
        var impostor = new EventEnvelopes(
                SOURCE,
                TestKeys.signer("impostor"),
                TestKeys.verifierTrusting(EventProducers.WEBHOOK_INGRESS, "impostor"));
        CloudEvent event =
                impostor.wrap(EventTypes.CALL_STATUS_REPORTED, "id-4", CALL_ID, OCCURRED_AT, SamplePayloads.ringing());

        assertThatThrownBy(() -> envelopes.unwrap(event)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void whenSignedByATrustedKeyOfAnotherProducerThenRejectedNamingTheTypesProducerAndTheKeys() {
        // given a reader trusting the ingress's and billing's keys, each with its producer
        var reader = new EventEnvelopes(URI.create("/switchboard/reader"), TestKeys.signer("reader"), bothTrusted());
        var wallet = new WalletUpdated("acme", new BigDecimal("10.00"), "USD", OCCURRED_AT);
        CloudEvent fromIngress = envelopes.wrap(EventTypes.WALLET_UPDATED, "id-5", "acme", OCCURRED_AT, wallet);

        // when / then
        assertThatThrownBy(() -> reader.unwrap(fromIngress))
                .isInstanceOf(UnauthorizedSignerException.class)
                .isInstanceOf(RejectedEventException.class)
                .hasMessageContaining(
                        "type switchboard.billing.wallet-updated.v1 may be signed only by billing-service;"
                                + " key ingress-2025-03 belongs to webhook-ingress");
    }

    @Test
    void whenSignedByATrustedKeyOfItsTypesProducerThenAccepted() {
        // given
        var reader = new EventEnvelopes(URI.create("/switchboard/reader"), TestKeys.signer("reader"), bothTrusted());
        var billing = new EventEnvelopes(
                URI.create("/switchboard/billing-service"), TestKeys.signer("billing-2025-03"), bothTrusted());
        var wallet = new WalletUpdated("acme", new BigDecimal("10.00"), "USD", OCCURRED_AT);

        // when
        ReceivedEvent<Object> fromBilling =
                reader.unwrap(billing.wrap(EventTypes.WALLET_UPDATED, "id-6", "acme", OCCURRED_AT, wallet));
        ReceivedEvent<Object> fromIngress = reader.unwrap(envelopes.wrap(
                EventTypes.CALL_STATUS_REPORTED, "id-7", CALL_ID, OCCURRED_AT, SamplePayloads.ringing()));

        // then
        assertThat(fromBilling.as(EventTypes.WALLET_UPDATED).payload()).isEqualTo(wallet);
        assertThat(fromIngress.is(EventTypes.CALL_STATUS_REPORTED)).isTrue();
    }

    @Test
    void whenSigningAsEachProducerThenEachTypeIsSignedWithItsProducersKey() {
        // given
        var asEach = EventEnvelopes.signingAsEachProducer(
                URI.create("/test"),
                Map.of(
                        EventProducers.WEBHOOK_INGRESS, TestKeys.signer("ingress-2025-03"),
                        EventProducers.BILLING_SERVICE, TestKeys.signer("billing-2025-03")),
                bothTrusted());
        var wallet = new WalletUpdated("acme", new BigDecimal("10.00"), "USD", OCCURRED_AT);

        // when
        CloudEvent walletEvent = asEach.wrap(EventTypes.WALLET_UPDATED, "id-8", "acme", OCCURRED_AT, wallet);
        CloudEvent statusEvent =
                asEach.wrap(EventTypes.CALL_STATUS_REPORTED, "id-9", CALL_ID, OCCURRED_AT, SamplePayloads.ringing());

        // then
        assertThat(walletEvent.getExtension(EventSigner.KEY_ID_EXTENSION)).isEqualTo("billing-2025-03");
        assertThat(statusEvent.getExtension(EventSigner.KEY_ID_EXTENSION)).isEqualTo("ingress-2025-03");
        assertThat(asEach.unwrap(walletEvent).is(EventTypes.WALLET_UPDATED)).isTrue();
        assertThatThrownBy(() -> asEach.wrap(EventTypes.CALL_PLACED, "id-10", CALL_ID, OCCURRED_AT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only campaign-dialer may sign");
        assertThatThrownBy(() -> asEach.signAll(List.of(
                        asEach.unsigned(EventTypes.WALLET_UPDATED, "id-11", "acme", OCCURRED_AT, wallet),
                        asEach.unsigned(
                                EventTypes.CALL_STATUS_REPORTED,
                                "id-12",
                                CALL_ID,
                                OCCURRED_AT,
                                SamplePayloads.ringing()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventVerifier bothTrusted() {
        return new EventVerifier(
                Map.of(
                        "ingress-2025-03", TestKeys.pair("ingress-2025-03").publicKey(),
                        "billing-2025-03", TestKeys.pair("billing-2025-03").publicKey()),
                Map.of(
                        "ingress-2025-03",
                        EventProducers.WEBHOOK_INGRESS,
                        "billing-2025-03",
                        EventProducers.BILLING_SERVICE));
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
