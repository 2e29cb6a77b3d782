package io.switchboard.events.envelope;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.signing.InvalidSignatureException;
import io.switchboard.events.signing.UnauthorizedSignerException;

/**
 * Wraps payloads in signed CloudEvents and unwraps verified ones. A service builds one with its
 * source, its signer and the public keys it trusts, each with the producer it belongs to: an event
 * is accepted only signed with a trusted key of a producer its type names ({@link EventType#producers()}).
 */
public final class EventEnvelopes {

    private final URI source;
    private final Function<String, EventSigner> signerByType;
    private final EventVerifier verifier;

    public EventEnvelopes(URI source, EventSigner signer, EventVerifier verifier) {
        this(source, type -> signer, verifier);
    }

    private EventEnvelopes(URI source, Function<String, EventSigner> signerByType, EventVerifier verifier) {
        this.source = source;
        this.signerByType = signerByType;
        this.verifier = verifier;
    }

    /**
     * Envelopes that sign each event with the key of a producer its type names, for what stands in for
     * every service at once (tests, the local stack's tools); a service signs with its own key only.
     *
     * @param signersByProducer a signer per producer ({@link EventProducers})
     */
    public static EventEnvelopes signingAsEachProducer(
            URI source, Map<String, EventSigner> signersByProducer, EventVerifier verifier) {
        var signerByToken = new HashMap<String, EventSigner>();
        for (EventType<?> type : EventTypes.all()) {
            type.producers().stream()
                    .sorted()
                    .map(signersByProducer::get)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(signer -> signerByToken.put(type.token(), signer));
        }
        return new EventEnvelopes(
                source,
                token -> {
                    EventSigner signer = signerByToken.get(token);
                    if (signer == null) {
                        EventType<?> type = EventTypes.byToken(token);
                        throw new IllegalArgumentException(
                                type == null
                                        ? "no event type " + token
                                        : "no signer for " + token + ", which only " + type.producersText()
                                                + " may sign");
                    }
                    return signer;
                },
                verifier);
    }

    /** A signed CloudEvent: {@code id} must be deterministic for the fact it records. */
    public <T> CloudEvent wrap(EventType<T> type, String id, String subject, Instant time, T payload) {
        return signerByType.apply(type.token()).sign(unsigned(type, id, subject, time, payload));
    }

    /** The CloudEvent {@link #wrap} would sign, for a publisher that signs several at once ({@link #signAll}). */
    public <T> CloudEvent unsigned(EventType<T> type, String id, String subject, Instant time, T payload) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type.token())
                .withSource(source)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventJson.write(payload))
                .build();
    }

    /** Signs the envelopes under one batch signature, each verifiable alone ({@link EventSigner#signAll}). */
    public List<CloudEvent> signAll(List<CloudEvent> unsigned) {
        if (unsigned.isEmpty()) {
            return List.of();
        }
        EventSigner signer = signerByType.apply(unsigned.getFirst().getType());
        for (CloudEvent event : unsigned) {
            if (signerByType.apply(event.getType()) != signer) {
                throw new IllegalArgumentException("a batch is signed by one producer; " + event.getType()
                        + " is not signed like " + unsigned.getFirst().getType());
            }
        }
        return signer.signAll(unsigned);
    }

    /**
     * Verifies the signature and that the signing key's producer may sign the event's type, then
     * decodes the data into the record its type names.
     *
     * @throws RejectedEventException when any of that fails: {@link InvalidSignatureException} for a
     *                                signature, {@link UnauthorizedSignerException} for a key of another producer
     */
    public ReceivedEvent<Object> unwrap(CloudEvent event) {
        if (event == null) {
            throw new RejectedEventException("record has no CloudEvent value");
        }
        EventVerifier.Signer signer = verifier.verify(event);
        EventType<?> type = EventTypes.byToken(event.getType());
        if (type == null) {
            throw new RejectedEventException("event " + event.getId() + " has unknown type " + event.getType());
        }
        if (!type.mayBeSignedBy(signer.producer())) {
            throw new UnauthorizedSignerException("event " + event.getId() + ": type " + type.token()
                    + " may be signed only by " + type.producersText() + "; key " + signer.keyId() + " belongs to "
                    + signer.producer());
        }
        if (event.getData() == null) {
            throw new RejectedEventException("event " + event.getId() + " has no data");
        }
        Object payload;
        try {
            payload = EventJson.read(event.getData().toBytes(), type.payloadType());
        } catch (RuntimeException e) {
            throw new RejectedEventException("event " + event.getId() + " data does not match " + type.token(), e);
        }
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        return new ReceivedEvent<>(event.getId(), event.getType(), event.getSubject(), time, payload);
    }
}
