package io.switchboard.events.envelope;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stable type token on the wire (the CloudEvent {@code type}) bound to the record that carries
 * its data, to the JSON Schema that describes it and to the producers (services, {@link EventProducers})
 * whose keys may sign it. No Java class name ever reaches the wire.
 */
public record EventType<T>(String token, Class<T> payloadType, String schemaResource, Set<String> producers) {

    public EventType {
        if (!token.matches("switchboard\\.[a-z-]+\\.[a-z-]+\\.v\\d+")) {
            throw new IllegalArgumentException("Type tokens look like switchboard.<area>.<event>.v<N>: " + token);
        }
        if (producers == null || producers.isEmpty()) {
            throw new IllegalArgumentException(token + " names no producer: every type says which services may sign it"
                    + " (EventType.of(area, name, version, payloadType, producers...), EventProducers)");
        }
        for (String producer : producers) {
            if (!EventProducers.isValidName(producer)) {
                throw new IllegalArgumentException(token + " names an invalid producer: " + producer);
            }
        }
        producers = Set.copyOf(producers);
    }

    public static <T> EventType<T> of(
            String area, String name, int version, Class<T> payloadType, String... producers) {
        return new EventType<>(
                "switchboard." + area + "." + name + ".v" + version,
                payloadType,
                "schemas/" + area + "." + name + ".v" + version + ".schema.json",
                Set.copyOf(Arrays.asList(producers)));
    }

    /** Whether a key belonging to {@code producer} may sign events of this type. */
    public boolean mayBeSignedBy(String producer) {
        return producers.contains(producer);
    }

    /** The producers in a stable order, for messages and documents: {@code billing-service or call-orchestrator}. */
    public String producersText() {
        return String.join(" or ", new TreeSet<>(producers));
    }
}
