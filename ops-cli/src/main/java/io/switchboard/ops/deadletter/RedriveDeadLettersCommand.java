package io.switchboard.ops.deadletter;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.switchboard.events.topic.Topic;
import io.switchboard.ops.KafkaConnection;
import io.switchboard.ops.RefusedException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dlt redrive}: puts chosen dead letters back on the topic and partition they came from
 * ({@link Redrive}), once whatever made them fail is fixed. Every chosen one is checked before the
 * first is sent: if any cannot go back, none is sent.
 */
@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        description = "Re-produce dead letters to their original topic and partition.")
final class RedriveDeadLettersCommand implements Callable<Integer> {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    private KafkaConnection kafka;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DeadLetterTopicOption topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Choice choice;

    @Option(names = "--dry-run", description = "Print what would be sent and send nothing.")
    private boolean dryRun;

    static final class Choice {
        @Option(
                names = "--offsets",
                paramLabel = "3,5-9",
                converter = OffsetRanges.Converter.class,
                description = "These dead-letter offsets; each must still be on the topic.")
        private OffsetRanges offsets;

        @Option(
                names = "--reason",
                paramLabel = "TEXT",
                description = "Those whose reason, exception class or message contains TEXT (any case).")
        private String reason;

        @Option(names = "--all-unhandled", description = "Every dead letter not yet marked handled (dlt ack).")
        private boolean allUnhandled;

        Predicate<DeadLetter> predicate() {
            if (offsets != null) {
                return deadLetter -> offsets.contains(deadLetter.offset());
            }
            return reason != null ? deadLetter -> deadLetter.mentions(reason) : deadLetter -> !deadLetter.handled();
        }
    }

    @Override
    public Integer call() throws Exception {
        Topic source = topic.source();
        PrintWriter out = spec.commandLine().getOut();
        List<Redrive> redrives;
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer();
                Admin admin = kafka.admin()) {
            var reader = new DeadLetterReader(consumer);
            TopicPartition partition = reader.partitionOf(source)
                    .orElseThrow(() ->
                            new RefusedException(source.deadLetterTopicName() + " does not exist on this cluster"));
            List<DeadLetter> chosen = reader.read(
                    partition,
                    new OperatorsGroup(admin).handledBelow(partition),
                    choice.predicate(),
                    Integer.MAX_VALUE);
            requireEveryOffsetFound(chosen, partition);
            int sourcePartitions = partitionCount(admin, source);
            redrives = chosen.stream()
                    .map(deadLetter -> Redrive.of(deadLetter, source, sourcePartitions))
                    .toList();
        }
        List<String> problems =
                redrives.stream().filter(Redrive::refused).map(Redrive::problem).toList();
        if (!problems.isEmpty()) {
            throw new RefusedException(String.join("\n", problems) + "\nnothing was re-driven");
        }
        if (redrives.isEmpty()) {
            out.println("no dead letter matches; nothing to re-drive");
        } else if (dryRun) {
            redrives.forEach(redrive -> out.println("would re-drive " + redrive.describe()));
            out.println("dry run: " + redrives.size() + " would be re-driven; nothing was sent");
        } else {
            send(redrives, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private void send(List<Redrive> redrives, PrintWriter out) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (Redrive redrive : redrives) {
                RecordMetadata sent =
                        producer.send(redrive.record()).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                out.println("re-drove " + redrive.describe() + " at offset " + sent.offset());
                out.flush();
            }
        }
        out.println(redrives.size() + " re-driven; once they are applied, mark them handled with dlt ack");
    }

    private void requireEveryOffsetFound(List<DeadLetter> chosen, TopicPartition partition) {
        if (choice.offsets == null) {
            return;
        }
        String missing = choice.offsets.missingFrom(
                chosen.stream().map(DeadLetter::offset).collect(Collectors.toSet()));
        if (!missing.isEmpty()) {
            throw new RefusedException("no dead letter at offset(s) " + missing + " of " + partition.topic()
                    + " (deleted by retention, or not written yet); nothing was re-driven");
        }
    }

    private static int partitionCount(Admin admin, Topic source) throws Exception {
        var topics = admin.describeTopics(List.of(source.topicName()))
                .allTopicNames()
                .get();
        return topics.get(source.topicName()).partitions().size();
    }
}
