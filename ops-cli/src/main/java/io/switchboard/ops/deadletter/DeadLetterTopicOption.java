package io.switchboard.ops.deadletter;

import io.switchboard.events.topic.Topic;
import picocli.CommandLine.Option;

/** The one dead-letter topic a command works on, named by its catalogue topic or its {@code -dlt} name. */
final class DeadLetterTopicOption {

    @Option(
            names = "--topic",
            required = true,
            paramLabel = "NAME",
            description = "A catalogue topic or its -dlt topic.")
    private String topic;

    /** The catalogue topic whose dead letters are meant; refuses a name the catalogue does not know. */
    Topic source() {
        return CatalogueTopics.named(topic);
    }
}
