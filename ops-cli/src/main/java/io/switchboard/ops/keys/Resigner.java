package io.switchboard.ops.keys;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.secret.SecretException;
import io.switchboard.events.signing.EventSigner;
import io.switchboard.ops.RefusedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns a record signed (or sealed) with a key other than the service's current one into the same event
 * signed with the current key: same id, type, source, subject, time and data, except provider credentials
 * re-sealed with the active sealing key; same key and partition, and the record's other headers. A record
 * is re-signed only once it verified with the keys the service trusts, as the service's readers would
 * accept it.
 */
final class Resigner {

    private final EventEnvelopes envelopes;
    private final EventSigner signer;
    private final String producer;
    private final CredentialResealer resealer;
    private final CloudEventDeserializer decoder = new CloudEventDeserializer();
    private final CloudEventSerializer encoder = new CloudEventSerializer();

    Resigner(ServiceKeys keys) {
        this.envelopes = keys.envelopes();
        this.signer = keys.signer();
        this.producer = keys.producer();
        this.resealer = keys.box().map(CredentialResealer::new).orElse(null);
        decoder.configure(Map.of(), false);
        encoder.configure(Map.of(), false);
    }

    /** Whether the record is signed with the current key and its credentials sealed with the active key. */
    boolean isCurrent(SnapshotRecord record) {
        if (!record.signingKeyId().filter(signer.keyId()::equals).isPresent()) {
            return false;
        }
        return !record.isAccountConfiguration()
                || resealer == null
                || record.sealingKeyIds().stream().allMatch(resealer::isActive);
    }

    /**
     * The record signed with the current key.
     *
     * @throws NotResignableException when it does not verify, or its credentials cannot be opened
     * @throws RefusedException       when the current key's service may not sign its type
     */
    ProducerRecord<byte[], byte[]> resign(SnapshotRecord snapshot) {
        ConsumerRecord<byte[], byte[]> record = snapshot.record();
        CloudEvent original;
        try {
            original = decoder.deserialize(record.topic(), record.headers(), record.value());
            envelopes.unwrap(original);
        } catch (RejectedEventException e) {
            throw new NotResignableException("it does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new NotResignableException("it cannot be read as a CloudEvent: " + e);
        }
        EventType<?> type = EventTypes.byToken(original.getType());
        if (!type.mayBeSignedBy(producer)) {
            throw new RefusedException(snapshot.at() + " is " + type.token() + ", which only " + type.producersText()
                    + " may sign; the signing key " + signer.keyId() + " belongs to " + producer);
        }
        byte[] data = original.getData().toBytes();
        if (snapshot.isAccountConfiguration()) {
            data = resealed(snapshot, data);
        }
        CloudEvent unsigned = CloudEventBuilder.v1(original)
                .withoutExtension(EventSigner.KEY_ID_EXTENSION)
                .withoutExtension(EventSigner.SIGNATURE_EXTENSION)
                .withoutExtension(EventSigner.PROOF_EXTENSION)
                .withData(original.getDataContentType(), data)
                .build();
        var headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(SnapshotRecord.CE_HEADER_PREFIX)
                    && !header.key().equals("content-type")
                    && !header.key().equals(SnapshotRecord.COPIED_FROM_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(SnapshotRecord.COPIED_FROM_HEADER, snapshot.at().getBytes(StandardCharsets.UTF_8));
        byte[] value = encoder.serialize(record.topic(), headers, signer.sign(unsigned));
        return new ProducerRecord<>(record.topic(), record.partition(), null, record.key(), value, headers);
    }

    /**
     * The record as it is (its value and CloudEvent headers untouched), marked as a copy: already signed
     * with the current key, it needs nothing but to be the latest again.
     */
    static ProducerRecord<byte[], byte[]> verbatim(SnapshotRecord snapshot) {
        ConsumerRecord<byte[], byte[]> record = snapshot.record();
        var headers = new RecordHeaders(record.headers().toArray());
        headers.remove(SnapshotRecord.COPIED_FROM_HEADER);
        headers.add(SnapshotRecord.COPIED_FROM_HEADER, snapshot.at().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(record.topic(), record.partition(), null, record.key(), record.value(), headers);
    }

    /** The record again after a copy: as it is when already on the current keys, re-signed otherwise. */
    ProducerRecord<byte[], byte[]> again(SnapshotRecord snapshot) {
        return isCurrent(snapshot) ? verbatim(snapshot) : resign(snapshot);
    }

    private byte[] resealed(SnapshotRecord snapshot, byte[] data) {
        if (resealer == null) {
            throw new RefusedException(snapshot.at() + " holds sealed provider credentials, and no"
                    + " switchboard.secrets.* is configured to re-seal them with");
        }
        try {
            return resealer.reseal(data);
        } catch (SecretException e) {
            throw new NotResignableException("a credential cannot be opened: " + e.getMessage());
        }
    }

    /** The keys this signs and seals with, for messages: {@code call-orchestrator-2, sealing local-2}. */
    String currentKeys() {
        return signer.keyId() + (resealer == null ? "" : ", sealing " + resealer.activeKeyId());
    }

    /** A record that is left as it is, and reported: it does not verify, or cannot be re-sealed. */
    static final class NotResignableException extends RuntimeException {
        NotResignableException(String message) {
            super(message);
        }
    }
}
