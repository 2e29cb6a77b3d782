package io.switchboard.events.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.fixtures.TestKeys;
import org.junit.jupiter.api.Test;

class EventSignerTests {

    private static final String KEY_ID = "billing-2025-03";

    private final EventSigner signer = TestKeys.signer(KEY_ID);
    private final EventVerifier verifier = TestKeys.verifierTrusting(EventProducers.BILLING_SERVICE, KEY_ID);

    @Test
    void whenSignedThenVerifies() {
        CloudEvent signed = signer.sign(unsigned());

        assertThat(signed.getExtension(EventSigner.KEY_ID_EXTENSION)).isEqualTo(KEY_ID);
        assertThatCode(() -> verifier.verify(signed)).doesNotThrowAnyException();
    }

    @Test
    void whenOneDataByteChangesThenSignatureFails() {
        CloudEvent signed = signer.sign(unsigned());
        byte[] data = signed.getData().toBytes();
        data[data.length / 2] ^= 1;

        assertRejected(CloudEventBuilder.v1(signed).withData(data).build());
    }

    @Test
    void whenSubjectChangesThenSignatureFails() {
        assertRejected(tampered(b -> b.withSubject("CA00000000000000000000000000000000")));
    }

    @Test
    void whenTypeChangesThenSignatureFails() {
        assertRejected(tampered(b -> b.withType("switchboard.billing.wallet-topped-up.v1")));
    }

    @Test
    void whenIdSourceOrTimeChangesThenSignatureFails() {
        assertRejected(tampered(b -> b.withId("another-id")));
        assertRejected(tampered(b -> b.withSource(URI.create("/switchboard/impostor"))));
        assertRejected(tampered(b -> b.withTime(OffsetDateTime.parse("2025-03-14T09:26:54Z"))));
    }

    @Test
    void whenSubjectIsRemovedThenSignatureFails() {
        assertRejected(tampered(b -> b.withSubject(null)));
    }

    @Test
    void whenKeyIdIsUnknownThenRejected() {
        CloudEvent signed = TestKeys.signer("unknown-key").sign(unsigned());

        assertThatThrownBy(() -> verifier.verify(signed))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("untrusted key unknown-key");
    }

    @Test
    void whenAnotherKeyClaimsATrustedKeyIdThenRejected() {
        var forger = new EventSigner(KEY_ID, TestKeys.pair("forger").privateKey());

        assertRejected(forger.sign(unsigned()));
    }

    @Test
    void whenSignatureOrKeyIdIsMissingThenRejected() {
        CloudEvent signed = signer.sign(unsigned());

        assertThatThrownBy(() -> verifier.verify(unsigned()))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("is not signed");
        assertRejected(CloudEventBuilder.v1(signed)
                .withoutExtension(EventSigner.SIGNATURE_EXTENSION)
                .build());
        assertRejected(CloudEventBuilder.v1(signed)
                .withoutExtension(EventSigner.KEY_ID_EXTENSION)
                .build());
    }

    @Test
    void whenSignatureIsNotBase64ThenRejected() {
        assertRejected(CloudEventBuilder.v1(signer.sign(unsigned()))
                .withExtension(EventSigner.SIGNATURE_EXTENSION, "not base64!")
                .build());
    }

    @Test
    void whenKeysRotateThenAVerifierTrustingBothAcceptsBoth() {
        CloudEvent fromOldKey = TestKeys.signer("billing-2025-01").sign(unsigned());
        CloudEvent fromNewKey = TestKeys.signer("billing-2025-07").sign(unsigned());
        EventVerifier duringRotation =
                TestKeys.verifierTrusting(EventProducers.BILLING_SERVICE, "billing-2025-01", "billing-2025-07");
        EventVerifier afterRotation = TestKeys.verifierTrusting(EventProducers.BILLING_SERVICE, "billing-2025-07");

        assertThatCode(() -> duringRotation.verify(fromOldKey)).doesNotThrowAnyException();
        assertThatCode(() -> duringRotation.verify(fromNewKey)).doesNotThrowAnyException();
        assertThatCode(() -> afterRotation.verify(fromNewKey)).doesNotThrowAnyException();
        assertThatThrownBy(() -> afterRotation.verify(fromOldKey)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void whenKeyPairIsGeneratedThenItIsRawBase64AndItsToStringHidesThePrivateKey() {
        Ed25519Keys.KeyPair pair = Ed25519Keys.generate("ops-2025-03");

        assertThat(Base64.getDecoder().decode(pair.privateKey())).hasSize(32);
        assertThat(Base64.getDecoder().decode(pair.publicKey())).hasSize(32);
        assertThat(pair.toString()).contains("ops-2025-03").doesNotContain(pair.privateKey());
        var generatedSigner = new EventSigner(pair.keyId(), pair.privateKey());
        assertThatCode(() -> new EventVerifier(
                                Map.of(pair.keyId(), pair.publicKey()),
                                Map.of(pair.keyId(), EventProducers.BILLING_SERVICE))
                        .verify(generatedSigner.sign(unsigned())))
                .doesNotThrowAnyException();
    }

    @Test
    void whenVerifiedThenTheSigningKeyAndItsProducerAreNamed() {
        EventVerifier.Signer signedBy = verifier.verify(signer.sign(unsigned()));

        assertThat(signedBy).isEqualTo(new EventVerifier.Signer(KEY_ID, EventProducers.BILLING_SERVICE));
    }

    @Test
    void whenATrustedKeyHasNoProducerThenTheVerifierRefusesIt() {
        var trusted = Map.of(KEY_ID, TestKeys.pair(KEY_ID).publicKey());

        assertThatThrownBy(() -> new EventVerifier(trusted, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted key " + KEY_ID + " needs the producer");
        assertThatThrownBy(() -> new EventVerifier(trusted, Map.of(KEY_ID, "Billing Service")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventVerifier(
                        trusted,
                        Map.of(KEY_ID, EventProducers.BILLING_SERVICE, "other", EventProducers.BILLING_SERVICE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key other has a producer but is not trusted");
    }

    @Test
    void whenKeyIdIsBlankThenSignerRefuses() {
        assertThatThrownBy(() -> new EventSigner(" ", TestKeys.pair(KEY_ID).privateKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenSignedAsABatchThenEachEnvelopeVerifiesAloneUnderOneSignature() {
        List<CloudEvent> batch = signer.signAll(unsignedBatch(5));

        assertThat(batch)
                .extracting(event -> event.getExtension(EventSigner.SIGNATURE_EXTENSION))
                .containsOnly(batch.getFirst().getExtension(EventSigner.SIGNATURE_EXTENSION));
        assertThat(batch).extracting(CloudEvent::getId).containsExactly("e0", "e1", "e2", "e3", "e4");
        for (CloudEvent event : batch) {
            assertThatCode(() -> TestKeys.verifierTrusting(EventProducers.BILLING_SERVICE, KEY_ID)
                            .verify(event))
                    .doesNotThrowAnyException();
            assertThatCode(() -> verifier.verify(event)).doesNotThrowAnyException();
        }
    }

    @Test
    void whenABatchOfOneIsSignedThenItIsSignedAsOneEnvelopeIs() {
        CloudEvent signed = signer.signAll(List.of(unsigned())).getFirst();

        assertThat(signed.getExtension(EventSigner.PROOF_EXTENSION)).isNull();
        assertThat(signed.getExtension(EventSigner.SIGNATURE_EXTENSION))
                .isEqualTo(signer.sign(unsigned()).getExtension(EventSigner.SIGNATURE_EXTENSION));
    }

    @Test
    void whenABatchMemberIsAlteredThenItFailsEvenAfterItsBatchVerified() {
        List<CloudEvent> batch = signer.signAll(unsignedBatch(4));
        batch.forEach(verifier::verify);
        CloudEvent member = batch.get(2);

        assertRejected(CloudEventBuilder.v1(member)
                .withData("{\"amount\":1000}".getBytes(StandardCharsets.UTF_8))
                .build());
        assertRejected(
                CloudEventBuilder.v1(member).withSubject("CA-another-call").build());
        assertRejected(CloudEventBuilder.v1(member)
                .withExtension(
                        EventSigner.PROOF_EXTENSION,
                        batch.get(1).getExtension(EventSigner.PROOF_EXTENSION).toString())
                .build());
        assertRejected(CloudEventBuilder.v1(member)
                .withoutExtension(EventSigner.PROOF_EXTENSION)
                .build());
    }

    @Test
    void whenAnEnvelopeOutsideTheBatchBorrowsItsSignatureAndProofThenRejected() {
        List<CloudEvent> batch = signer.signAll(unsignedBatch(3));
        verifier.verify(batch.getFirst());
        CloudEvent outsider = CloudEventBuilder.v1(unsigned())
                .withExtension(EventSigner.KEY_ID_EXTENSION, KEY_ID)
                .withExtension(
                        EventSigner.SIGNATURE_EXTENSION,
                        batch.getFirst()
                                .getExtension(EventSigner.SIGNATURE_EXTENSION)
                                .toString())
                .withExtension(
                        EventSigner.PROOF_EXTENSION,
                        batch.getFirst()
                                .getExtension(EventSigner.PROOF_EXTENSION)
                                .toString())
                .build();

        assertRejected(outsider);
        assertThatThrownBy(() -> TestKeys.verifierTrusting(EventProducers.BILLING_SERVICE, KEY_ID)
                        .verify(outsider))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void whenABatchIsSignedByAnotherKeyClaimingATrustedKeyIdThenRejected() {
        var forger = new EventSigner(KEY_ID, TestKeys.pair("forger").privateKey());

        forger.signAll(unsignedBatch(3)).forEach(this::assertRejected);
    }

    @Test
    void whenTheBatchProofIsMalformedThenRejectedWithTheReason() {
        CloudEvent member = signer.signAll(unsignedBatch(3)).get(1);

        for (String proof :
                List.of("not base64!", "", "AAAA", Base64.getEncoder().encodeToString(new byte[8 + 31]))) {
            CloudEvent broken = CloudEventBuilder.v1(member)
                    .withExtension(EventSigner.PROOF_EXTENSION, proof)
                    .build();
            assertThatThrownBy(() -> verifier.verify(broken)).as(proof).isInstanceOf(InvalidSignatureException.class);
        }
        CloudEvent outOfRange = CloudEventBuilder.v1(member)
                .withExtension(EventSigner.PROOF_EXTENSION, new BatchProof(3, 3, List.of()).encode())
                .build();
        assertRejected(outOfRange);
        BatchProof proof = BatchProof.decode(
                member.getExtension(EventSigner.PROOF_EXTENSION).toString());
        CloudEvent sizeLie = CloudEventBuilder.v1(member)
                .withExtension(EventSigner.PROOF_EXTENSION, new BatchProof(proof.index(), 4, proof.path()).encode())
                .build();
        assertRejected(sizeLie);
    }

    private static List<CloudEvent> unsignedBatch(int size) {
        List<CloudEvent> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(CloudEventBuilder.v1(unsigned()).withId("e" + i).build());
        }
        return batch;
    }

    private CloudEvent tampered(UnaryOperator<CloudEventBuilder> change) {
        return change.apply(CloudEventBuilder.v1(signer.sign(unsigned()))).build();
    }

    private void assertRejected(CloudEvent event) {
        assertThatThrownBy(() -> verifier.verify(event)).isInstanceOf(InvalidSignatureException.class);
    }

    private static CloudEvent unsigned() {
        return CloudEventBuilder.v1()
                .withId("5f0c7a52-9a43-5d0e-8f51-2b2f6f3c9d11")
                .withType("switchboard.billing.call-charged.v1")
                .withSource(URI.create("/switchboard/billing-service"))
                .withSubject("CA9e2b4d6f8a0c1e3b5d7f9a1c3e5b7d9f")
                .withTime(OffsetDateTime.parse("2025-03-14T09:26:53.601Z"))
                .withDataContentType("application/json")
                .withData("{\"accountId\":\"acme\",\"amount\":0.0420}".getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
