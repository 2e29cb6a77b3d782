package io.switchboard.ops.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;

/** A dead letter as one line of JSON, for {@code jq} and scripts; absent values are null. */
final class DeadLetterJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeadLetterJson() {}

    static String line(DeadLetter deadLetter) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("dltTopic", deadLetter.topic());
        fields.put("offset", deadLetter.offset());
        fields.put("time", deadLetter.time().toString());
        fields.put("originalTopic", deadLetter.originalTopic().orElse(null));
        fields.put(
                "originalPartition",
                deadLetter.originalPartition().isPresent()
                        ? deadLetter.originalPartition().getAsInt()
                        : null);
        fields.put(
                "originalOffset",
                deadLetter.originalOffset().isPresent()
                        ? deadLetter.originalOffset().getAsLong()
                        : null);
        fields.put(
                "originalConsumerGroup",
                deadLetter.header(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).orElse(null));
        fields.put("reason", deadLetter.reason());
        fields.put("exceptionClass", deadLetter.exceptionClass());
        fields.put("exceptionMessage", deadLetter.exceptionMessage());
        fields.put("key", deadLetter.key().orElse(null));
        fields.put("ceId", deadLetter.header("ce_id").orElse(null));
        fields.put("ceType", deadLetter.header("ce_type").orElse(null));
        fields.put("handled", deadLetter.handled());
        return JSON.writeValueAsString(fields);
    }
}
