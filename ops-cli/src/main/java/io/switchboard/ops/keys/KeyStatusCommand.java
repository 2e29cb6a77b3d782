package io.switchboard.ops.keys;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.switchboard.events.topic.Topic;
import io.switchboard.ops.KafkaConnection;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code keys status}: per compacted topic, how many keys' latest records each signing key id signed
 * and (accounts.v1) each sealing key id sealed. Reading needs no key and changes nothing.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Count the live keys of the compacted topics by the key that signed and sealed their latest record.")
final class KeyStatusCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> HEADINGS = List.of("TOPIC", "KEY KIND", "KEY ID", "LIVE KEYS");

    @Mixin
    private KafkaConnection kafka;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--topic",
            defaultValue = SnapshotTopics.ALL,
            paramLabel = "NAME|all",
            description = "A compacted catalogue topic, or all of them (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--json", description = "One JSON object per topic and line.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        List<Topic> topics = SnapshotTopics.namedOrAll(topic);
        var counted = new ArrayList<LiveKeys>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            var reader = new SnapshotReader(consumer);
            for (Topic source : topics) {
                List<TopicPartition> partitions = reader.partitionsOf(source);
                var live = new LiveKeys(source, !partitions.isEmpty());
                for (TopicPartition partition : partitions) {
                    reader.latest(partition, reader.endOffset(partition), LiveKeys.Latest::of)
                            .values()
                            .forEach(live::add);
                }
                counted.add(live);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            counted.forEach(live -> out.println(JSON.writeValueAsString(live.json())));
        } else {
            print(counted, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void print(List<LiveKeys> counted, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (LiveKeys live : counted) {
            live.rows().forEach(row -> {
                var cells = new ArrayList<String>();
                cells.add(live.topic().topicName());
                cells.addAll(row);
                rows.add(cells);
            });
        }
        int[] widths = new int[HEADINGS.size()];
        rows.forEach(row -> {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(String.format("%-" + widths[column] + "s  ", row.get(column)));
            }
            out.println(line.toString().stripTrailing());
        }
        for (LiveKeys live : counted) {
            out.println(live.topic().topicName() + ": "
                    + (live.exists() ? live.keys() + " live keys" : "does not exist on this cluster"));
        }
    }
}
