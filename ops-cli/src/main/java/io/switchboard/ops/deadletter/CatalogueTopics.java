package io.switchboard.ops.deadletter;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.switchboard.events.topic.Topic;
import io.switchboard.ops.RefusedException;

/**
 * Which catalogue topic an operator means by {@code --topic}: its own name or its dead-letter
 * topic's name (the metrics show both), never anything outside the catalogue.
 */
final class CatalogueTopics {

    static final String ALL = "all";

    private CatalogueTopics() {}

    static Topic named(String name) {
        String source = name.endsWith(Topic.DEAD_LETTER_SUFFIX)
                ? name.substring(0, name.length() - Topic.DEAD_LETTER_SUFFIX.length())
                : name;
        try {
            return Topic.byName(source);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(name + " is not a Switchboard topic nor its dead-letter topic; one of: "
                    + Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.joining(", ")));
        }
    }

    /** {@value #ALL} or one topic. */
    static List<Topic> namedOrAll(String name) {
        return ALL.equals(name) ? List.of(Topic.values()) : List.of(named(name));
    }
}
