package io.switchboard.ops.keys;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends a partition's re-signed records, then makes sure none of them stands as its key's latest over a
 * newer record the owning service wrote meanwhile: such a record, appended after the one re-signed and
 * before the re-signed copy, is produced again after the copy (as it is when already signed with the
 * current key, re-signed otherwise), and so on until no key has a newer record behind its last copy.
 * Readers take the copies as the facts they already hold: same event id, same revision or version.
 */
final class ResignPublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final SnapshotReader reader;
    private final Producer<byte[], byte[]> producer;
    private final Resigner resigner;
    private final PrintWriter out;

    ResignPublisher(
            Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, Resigner resigner, PrintWriter out) {
        this.reader = new SnapshotReader(consumer);
        this.producer = producer;
        this.resigner = resigner;
        this.out = out;
    }

    /** Where a key's newest copy is, and from which offset a record of the key would be newer than it. */
    private record Copy(long newerFrom, long offset) {}

    /** @return how many records written meanwhile were produced again */
    int publish(ResignPlan.Partition plan) throws Exception {
        // Sent together (the idempotent producer keeps their order), then each acknowledged.
        var sent = new ArrayList<Future<RecordMetadata>>();
        plan.resigns().forEach(resign -> sent.add(producer.send(resign.record())));
        Map<String, Copy> copies = new LinkedHashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            Resign resign = plan.resigns().get(i);
            long offset = acknowledged(sent.get(i));
            copies.put(resign.original().key(), new Copy(plan.readEnd(), offset));
            out.println("re-signed " + resign.describe() + " -> offset " + offset);
        }
        out.flush();
        int reproduced = 0;
        while (!copies.isEmpty()) {
            Map<String, SnapshotRecord> newer = newerThanCopies(plan, copies);
            Map<String, Copy> next = new LinkedHashMap<>();
            for (Map.Entry<String, SnapshotRecord> entry : newer.entrySet()) {
                SnapshotRecord record = entry.getValue();
                ProducerRecord<byte[], byte[]> again;
                String how;
                try {
                    how = resigner.isCurrent(record) ? "as it is" : "re-signed";
                    again = resigner.again(record);
                } catch (Resigner.NotResignableException e) {
                    out.println("written meanwhile: " + record.at() + " key=" + entry.getKey()
                            + " left as it is, and every reader skips it too: " + e.getMessage());
                    continue;
                }
                long offset = send(again);
                next.put(entry.getKey(), new Copy(copies.get(entry.getKey()).offset() + 1, offset));
                reproduced++;
                out.println("written meanwhile: " + record.at() + " key=" + entry.getKey() + " produced again " + how
                        + " -> offset " + offset);
            }
            out.flush();
            copies = next;
        }
        return reproduced;
    }

    /**
     * Each key's last record between where a newer record would start and its copy, once every record
     * up to the last copy is committed or aborted.
     */
    private Map<String, SnapshotRecord> newerThanCopies(ResignPlan.Partition plan, Map<String, Copy> copies)
            throws InterruptedException {
        long from = copies.values().stream().mapToLong(Copy::newerFrom).min().orElseThrow();
        long to = copies.values().stream().mapToLong(Copy::offset).max().orElseThrow();
        reader.awaitDecidedThrough(plan.partition(), to);
        Map<String, SnapshotRecord> newer = new HashMap<>();
        for (SnapshotRecord record : reader.read(plan.partition(), from, to)) {
            Copy copy = copies.get(record.key());
            if (copy != null && record.offset() >= copy.newerFrom() && record.offset() < copy.offset()) {
                newer.put(record.key(), record);
            }
        }
        return newer;
    }

    private long send(ProducerRecord<byte[], byte[]> record)
            throws ExecutionException, InterruptedException, TimeoutException {
        return acknowledged(producer.send(record));
    }

    private static long acknowledged(Future<RecordMetadata> sent)
            throws ExecutionException, InterruptedException, TimeoutException {
        return sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
    }
}
