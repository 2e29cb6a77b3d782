package io.switchboard.ops.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.switchboard.events.topic.Topic;

/**
 * How many keys of a compacted topic have a latest record signed by each signing key id and, on
 * accounts.v1, a credential sealed with each sealing key id: a key id with none left can be retired.
 * The key ids are what the records say (unverified); {@value #UNSIGNED} counts records without any.
 */
final class LiveKeys {

    static final String UNSIGNED = "(unsigned)";

    /** What counts of one key's latest record. */
    record Latest(String signingKeyId, Set<String> sealingKeyIds) {

        static Latest of(SnapshotRecord record) {
            return new Latest(record.signingKeyId().orElse(UNSIGNED), Set.copyOf(record.sealingKeyIds()));
        }
    }

    private final Topic topic;
    private final boolean exists;
    private final Map<String, Integer> signedBy = new TreeMap<>();
    private final Map<String, Integer> sealedWith = new TreeMap<>();
    private int keys;

    LiveKeys(Topic topic, boolean exists) {
        this.topic = topic;
        this.exists = exists;
    }

    void add(Latest latest) {
        keys++;
        signedBy.merge(latest.signingKeyId(), 1, Integer::sum);
        new TreeSet<>(latest.sealingKeyIds()).forEach(keyId -> sealedWith.merge(keyId, 1, Integer::sum));
    }

    Topic topic() {
        return topic;
    }

    boolean exists() {
        return exists;
    }

    int keys() {
        return keys;
    }

    Map<String, Integer> signedBy() {
        return signedBy;
    }

    /** Only accounts.v1 carries sealed values. */
    boolean carriesSealedValues() {
        return topic == Topic.ACCOUNTS;
    }

    Map<String, Integer> sealedWith() {
        return sealedWith;
    }

    /** {@code [kind, key id, count]} per key id: signing ones, then sealing ones. */
    List<List<String>> rows() {
        var rows = new java.util.ArrayList<List<String>>();
        signedBy.forEach((keyId, count) -> rows.add(List.of("signing", keyId, Integer.toString(count))));
        sealedWith.forEach((keyId, count) -> rows.add(List.of("sealing", keyId, Integer.toString(count))));
        return rows;
    }

    /** The JSON object of {@code keys status --json}. */
    Map<String, Object> json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", topic.topicName());
        fields.put("exists", exists);
        fields.put("liveKeys", keys);
        fields.put("signedBy", signedBy);
        fields.put("sealedWith", carriesSealedValues() ? sealedWith : null);
        return fields;
    }
}
