package io.switchboard.events.envelope;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.events.signing.EventVerifier;

/**
 * Wraps payloads in signed CloudEvents and unwraps verified ones. A service builds one with its
 * source, its signer and the public keys it trusts.
 */
public final class EventEnvelopes {

    private final URI source;
    private final EventSigner signer;
    private final EventVerifier verifier;
    private final Map<String, EventType<?>> typesByToken;

    public EventEnvelopes(URI source, EventSigner signer, EventVerifier verifier) {
        this.source = source;
        this.signer = signer;
        this.verifier = verifier;
        this.typesByToken =
                EventTypes.all().stream().collect(Collectors.toUnmodifiableMap(EventType::token, Function.identity()));
    }

    /** A signed CloudEvent: {@code id} must be deterministic for the fact it records. */
    public <T> CloudEvent wrap(EventType<T> type, String id, String subject, Instant time, T payload) {
        return signer.sign(unsigned(type, id, subject, time, payload));
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
        return signer.signAll(unsigned);
    }

    /** Verifies the signature, then decodes the data into the record its type names. */
    public ReceivedEvent<Object> unwrap(CloudEvent event) {
        if (event == null) {
            throw new RejectedEventException("record has no CloudEvent value");
        }
        verifier.verify(event);
        EventType<?> type = typesByToken.get(event.getType());
        if (type == null) {
            throw new RejectedEventException("event " + event.getId() + " has unknown type " + event.getType());
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
