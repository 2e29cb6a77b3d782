package io.switchboard.events.deadletter;

import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead letter's key and value as the bytes they arrived with. The source record's headers (the
 * CloudEvent attributes among them) are copied by the recoverer, so the dead letter is the same
 * binary-mode event plus the reason headers.
 */
public final class DeadLetterSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> bytes;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case CloudEvent event ->
                event.getData() == null ? null : event.getData().toBytes();
            default -> value.toString().getBytes(StandardCharsets.UTF_8);
        };
    }
}
