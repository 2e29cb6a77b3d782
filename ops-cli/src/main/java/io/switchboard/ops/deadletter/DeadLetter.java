package io.switchboard.ops.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.switchboard.events.deadletter.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * One record of a dead-letter topic, read through the headers the dead-letter recoverer wrote:
 * where it came from, why ({@code switchboard_dlt-reason} and the exception), and whether the
 * operators have marked it handled.
 */
final class DeadLetter {

    private final ConsumerRecord<byte[], byte[]> record;
    private final boolean handled;

    DeadLetter(ConsumerRecord<byte[], byte[]> record, boolean handled) {
        this.record = record;
        this.handled = handled;
    }

    ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    String topic() {
        return record.topic();
    }

    long offset() {
        return record.offset();
    }

    /** {@code <dead-letter topic>@<offset>}: how the tool names a dead letter. */
    String at() {
        return record.topic() + "@" + record.offset();
    }

    /** When it was dead-lettered. */
    Instant time() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    boolean handled() {
        return handled;
    }

    Optional<String> key() {
        return Optional.ofNullable(record.key()).map(key -> new String(key, StandardCharsets.UTF_8));
    }

    Optional<String> header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    Optional<String> originalTopic() {
        return header(KafkaHeaders.DLT_ORIGINAL_TOPIC);
    }

    OptionalInt originalPartition() {
        byte[] value = bytes(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return value != null && value.length == Integer.BYTES
                ? OptionalInt.of(ByteBuffer.wrap(value).getInt())
                : OptionalInt.empty();
    }

    OptionalLong originalOffset() {
        byte[] value = bytes(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return value != null && value.length == Long.BYTES
                ? OptionalLong.of(ByteBuffer.wrap(value).getLong())
                : OptionalLong.empty();
    }

    /** {@code poison} or {@code parked}; empty on a record some other writer put there. */
    String reason() {
        return header(DeadLetters.REASON_HEADER).orElse("");
    }

    /**
     * The class of what went wrong: the cause the listener container wrapped (e.g. a
     * {@code RejectedEventException}), else the exception itself.
     */
    String exceptionClass() {
        return header(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
                .or(() -> header(KafkaHeaders.DLT_EXCEPTION_FQCN))
                .orElse("");
    }

    String exceptionSimpleName() {
        String name = exceptionClass();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The exception message's first line. */
    String exceptionMessage() {
        return header(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                .map(message -> message.lines().findFirst().orElse(""))
                .orElse("");
    }

    /** Whether {@code text} occurs, ignoring case, in the reason, the exception class or its message. */
    boolean mentions(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return reason().toLowerCase(Locale.ROOT).contains(wanted)
                || exceptionClass().toLowerCase(Locale.ROOT).contains(wanted)
                || header(KafkaHeaders.DLT_EXCEPTION_FQCN)
                        .orElse("")
                        .toLowerCase(Locale.ROOT)
                        .contains(wanted)
                || header(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                        .orElse("")
                        .toLowerCase(Locale.ROOT)
                        .contains(wanted);
    }

    private byte[] bytes(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}
