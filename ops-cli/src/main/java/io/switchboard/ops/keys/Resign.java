package io.switchboard.ops.keys;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One key's latest record and what replaces it: the same event signed with the current key.
 *
 * @param original the latest record of its key when the topic was read
 * @param record   the record to produce after it, to the same partition with the same key
 */
record Resign(SnapshotRecord original, ProducerRecord<byte[], byte[]> record) {

    /** {@code <topic>-<partition>@<offset> key=… ce_id=… signed by …} */
    String describe() {
        return original.at() + " key=" + original.key() + " type="
                + original.type().orElse("?") + " signed by "
                + original.signingKeyId().orElse("nobody")
                + (original.isAccountConfiguration() ? ", sealed with " + original.sealingKeyIds() : "");
    }
}
