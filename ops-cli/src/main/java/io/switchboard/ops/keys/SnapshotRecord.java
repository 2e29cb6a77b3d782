package io.switchboard.ops.keys;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.switchboard.events.account.AccountConfigured;
import io.switchboard.events.envelope.EventJson;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.secret.SecretBox;
import io.switchboard.events.signing.EventSigner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a compacted topic as the key tools see it: its key, the key id that signed it (from its
 * {@code ce_sigkeyid} header, unverified) and, for an account configuration, the ids of the keys its
 * provider credentials are sealed with. Verification is {@link Resigner}'s.
 */
final class SnapshotRecord {

    /** On a record {@code keys resign} wrote: where the record it copies was. */
    static final String COPIED_FROM_HEADER = "switchboard_resigned-from";

    /** The CloudEvents Kafka binding's header prefix for attributes and extensions. */
    static final String CE_HEADER_PREFIX = "ce_";

    private static final String KEY_ID_HEADER = CE_HEADER_PREFIX + EventSigner.KEY_ID_EXTENSION;
    private static final String TYPE_HEADER = CE_HEADER_PREFIX + "type";

    private final ConsumerRecord<byte[], byte[]> record;

    SnapshotRecord(ConsumerRecord<byte[], byte[]> record) {
        this.record = record;
    }

    ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    String key() {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    long offset() {
        return record.offset();
    }

    /** A record without a value: signed by nobody, deleting nothing for any reader. */
    boolean isTombstone() {
        return record.value() == null;
    }

    /** {@code <topic>-<partition>@<offset>}, as Kafka's own tools name a record. */
    String at() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /**
     * The offset of the record this one is a copy of, when {@code keys resign} wrote it
     * ({@value #COPIED_FROM_HEADER}: {@code <topic>-<partition>@<offset>}).
     */
    OptionalLong copiedFrom() {
        return header(COPIED_FROM_HEADER)
                .map(at -> at.substring(at.lastIndexOf('@') + 1))
                .filter(offset -> offset.matches("\\d+"))
                .map(offset -> OptionalLong.of(Long.parseLong(offset)))
                .orElse(OptionalLong.empty());
    }

    /** The key id the record says it is signed with; empty when it is not signed at all. */
    Optional<String> signingKeyId() {
        return header(KEY_ID_HEADER);
    }

    Optional<String> type() {
        return header(TYPE_HEADER);
    }

    boolean isAccountConfiguration() {
        return type().filter(EventTypes.ACCOUNT_CONFIGURED.token()::equals).isPresent();
    }

    /**
     * The ids of the keys the provider credentials of an account configuration are sealed with, one per
     * credential; none for any other record. A value no key id can be read from counts as {@code ?}.
     */
    List<String> sealingKeyIds() {
        if (!isAccountConfiguration() || isTombstone()) {
            return List.of();
        }
        try {
            return EventJson.read(record.value(), AccountConfigured.class).credentials().stream()
                    .map(credential ->
                            SecretBox.keyIdOf(credential.sealedSecret()).orElse("?"))
                    .toList();
        } catch (RuntimeException e) {
            return List.of("?");
        }
    }

    private Optional<String> header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
