package io.switchboard.events.envelope;

/**
 * A stable type token on the wire (the CloudEvent {@code type}) bound to the record that carries
 * its data and to the JSON Schema that describes it. No Java class name ever reaches the wire.
 */
public record EventType<T>(String token, Class<T> payloadType, String schemaResource) {

    public EventType {
        if (!token.matches("switchboard\\.[a-z-]+\\.[a-z-]+\\.v\\d+")) {
            throw new IllegalArgumentException("Type tokens look like switchboard.<area>.<event>.v<N>: " + token);
        }
    }

    public static <T> EventType<T> of(String area, String name, int version, Class<T> payloadType) {
        return new EventType<>(
                "switchboard." + area + "." + name + ".v" + version,
                payloadType,
                "schemas/" + area + "." + name + ".v" + version + ".schema.json");
    }
}
