package io.switchboard.events.signing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import io.cloudevents.CloudEvent;

/**
 * The bytes an envelope signature covers: id, type, source, subject, time and data, each
 * length-prefixed so that no two different events share a byte string.
 */
final class SignedFields {

    private SignedFields() {}

    static byte[] of(CloudEvent event) {
        var out = new ByteArrayOutputStream(256);
        write(out, text(event.getId()));
        write(out, text(event.getType()));
        write(out, text(event.getSource() == null ? null : event.getSource().toString()));
        write(out, text(event.getSubject()));
        OffsetDateTime time = event.getTime();
        write(out, text(time == null ? null : time.toInstant().toString()));
        write(out, event.getData() == null ? new byte[0] : event.getData().toBytes());
        return out.toByteArray();
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, byte[] field) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
        out.writeBytes(field);
    }
}
