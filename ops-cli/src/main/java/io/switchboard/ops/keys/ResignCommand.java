package io.switchboard.ops.keys;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.switchboard.events.topic.Topic;
import io.switchboard.ops.KafkaConnection;
import io.switchboard.ops.RefusedException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keys resign}: re-publishes every key's latest record of a compacted topic that is signed with
 * another key than the owning service's current one, or (accounts.v1) holds a credential sealed with
 * another key than the active one, signed and sealed with the current keys. It runs with the owning
 * service's keys ({@link ServiceKeys}), refuses a key of another service, re-signs only what verifies,
 * and leaves no re-signed copy standing over a newer record the service wrote meanwhile
 * ({@link ResignPublisher}). Run again, it finds nothing to do and sends nothing.
 */
@Command(
        name = "resign",
        mixinStandardHelpOptions = true,
        description = "Re-sign (and re-seal) a compacted topic's live records with the owning service's current keys.")
final class ResignCommand implements Callable<Integer> {

    @Mixin
    private KafkaConnection kafka;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--topic",
            required = true,
            paramLabel = "NAME",
            description =
                    "A compacted catalogue topic: switchboard.accounts.v1, .wallets.v1, .call-states.v1 or .do-not-call.v1.")
    private String topic;

    @Option(
            names = "--service-config",
            paramLabel = "FILE",
            description = "The owning service's switchboard.events.signing.*, .trusted-keys.*, .key-producers.* and"
                    + " switchboard.secrets.* as properties; without it (or for what it lacks) SPRING_APPLICATION_JSON"
                    + " and SWITCHBOARD_* environment variables, as the service reads them.")
    private Path serviceConfig;

    @Option(names = "--dry-run", description = "Print what would be re-signed and send nothing.")
    private boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Topic target = SnapshotTopics.named(topic);
        ServiceKeys keys = ServiceKeys.load(serviceConfig);
        SnapshotTopics.requireSignableBy(target, keys.producer());
        if (target == Topic.ACCOUNTS && keys.box().isEmpty()) {
            throw new RefusedException(
                    target.topicName() + " holds sealed provider credentials: set"
                            + " switchboard.secrets.active-key-id and .keys.<id> (every key still sealing a value, and the active one)");
        }
        var resigner = new Resigner(keys);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            ResignPlan plan = new ResignPlanner(resigner).plan(target, consumer);
            plan.skipped().forEach(out::println);
            plan.notes().forEach(out::println);
            if (dryRun) {
                plan.partitions()
                        .forEach(partition -> partition
                                .resigns()
                                .forEach(resign -> out.println("would re-sign " + resign.describe())));
                out.println("dry run: " + target.topicName() + ": " + plan.resignCount() + " would be re-signed with "
                        + resigner.currentKeys() + "; " + skippedAndCurrent(plan) + "; nothing was sent");
            } else {
                int reproduced = 0;
                try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
                    var publisher = new ResignPublisher(consumer, producer, resigner, out);
                    for (ResignPlan.Partition partition : plan.partitions()) {
                        reproduced += publisher.publish(partition);
                    }
                }
                out.println(target.topicName() + ": " + plan.resignCount() + " re-signed with " + resigner.currentKeys()
                        + ", " + reproduced + " written meanwhile produced again after them; "
                        + skippedAndCurrent(plan));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String skippedAndCurrent(ResignPlan plan) {
        return plan.skipped().size() + " left as they are"
                + (plan.skipped().isEmpty() ? "" : " (above: their keys stay in use)") + "; " + plan.current()
                + " already current";
    }
}
