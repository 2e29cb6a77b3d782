package io.switchboard.ops.deadletter;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.switchboard.events.topic.Topic;
import io.switchboard.ops.KafkaConnection;
import io.switchboard.ops.RefusedException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dlt list}: the dead letters of one topic or of all, oldest first, and a summary. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters, oldest first.")
final class ListDeadLettersCommand implements Callable<Integer> {

    @Mixin
    private KafkaConnection kafka;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--topic",
            defaultValue = CatalogueTopics.ALL,
            paramLabel = "NAME|all",
            description = "A catalogue topic or its -dlt topic, or all of them (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "Only dead letters whose reason, exception class or message contains TEXT (any case).")
    private String reason;

    @Option(
            names = "--since",
            paramLabel = "ISO-8601",
            description = "Only those dead-lettered at or after, e.g. 2025-03-14T09:00:00Z.")
    private Instant since;

    @Option(names = "--until", paramLabel = "ISO-8601", description = "Only those dead-lettered before.")
    private Instant until;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "1000",
            description = "At most N dead letters, the oldest (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "One JSON object per line on stdout; the summary goes to stderr.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new RefusedException("--limit must be at least 1");
        }
        List<Topic> topics = CatalogueTopics.namedOrAll(topic);
        PrintWriter out = spec.commandLine().getOut();
        var filter = new DeadLetterFilter(reason, since, until);
        List<DeadLetter> shown = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer();
                Admin admin = kafka.admin()) {
            var reader = new DeadLetterReader(consumer);
            var operators = new OperatorsGroup(admin);
            for (Topic source : topics) {
                Optional<TopicPartition> partition = reader.partitionOf(source);
                if (partition.isEmpty()) {
                    if (topics.size() == 1) {
                        spec.commandLine()
                                .getErr()
                                .println(source.deadLetterTopicName() + " does not exist on this cluster");
                    }
                    continue;
                }
                List<DeadLetter> read = reader.read(
                        partition.get(), operators.handledBelow(partition.get()), filter, limit - shown.size());
                if (json) {
                    read.forEach(deadLetter -> out.println(DeadLetterJson.line(deadLetter)));
                }
                shown.addAll(read);
                if (shown.size() >= limit) {
                    break;
                }
            }
        }
        PrintWriter summary = json ? spec.commandLine().getErr() : out;
        if (!json) {
            DeadLetterTable.print(shown, out);
        }
        summary.println(DeadLetterSummary.of(shown));
        if (shown.size() >= limit) {
            summary.println("stopped at --limit " + limit + "; there may be more");
        }
        out.flush();
        return ExitCode.OK;
    }
}
