package io.switchboard.ops.deadletter;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.switchboard.events.deadletter.DeadLetterBacklog;
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

/**
 * {@code dlt ack}: marks a dead-letter topic's records up to an offset handled, by committing the
 * {@value DeadLetterBacklog#OPERATORS_GROUP} offset past it; the backlog metrics stop counting them.
 * Moving the offset back is allowed: it makes dead letters unhandled again.
 */
@Command(
        name = "ack",
        mixinStandardHelpOptions = true,
        description = "Mark dead letters handled up to and including an offset.")
final class AckDeadLettersCommand implements Callable<Integer> {

    @Mixin
    private KafkaConnection kafka;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DeadLetterTopicOption topic;

    @Option(
            names = "--through-offset",
            required = true,
            paramLabel = "N",
            description = "The last dead-letter offset handled.")
    private long throughOffset;

    @Override
    public Integer call() throws Exception {
        Topic source = topic.source();
        if (throughOffset < 0) {
            throw new RefusedException("--through-offset must be 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer();
                Admin admin = kafka.admin()) {
            var reader = new DeadLetterReader(consumer);
            TopicPartition partition = reader.partitionOf(source)
                    .orElseThrow(() ->
                            new RefusedException(source.deadLetterTopicName() + " does not exist on this cluster"));
            long end = reader.endOffset(partition);
            if (throughOffset >= end) {
                throw new RefusedException("no dead letter at offset " + throughOffset + " of " + partition.topic()
                        + (end == 0 ? " (it is empty)" : " (the last is at " + (end - 1) + ")"));
            }
            var operators = new OperatorsGroup(admin);
            long before = operators.handledBelow(partition);
            operators.markHandledBelow(partition, throughOffset + 1);
            out.println(partition.topic() + ": handled through offset " + throughOffset
                    + (before == 0 ? " (none was before)" : " (was through " + (before - 1) + ")")
                    + "; " + (end - throughOffset - 1) + " unhandled remain");
        }
        out.flush();
        return ExitCode.OK;
    }
}
