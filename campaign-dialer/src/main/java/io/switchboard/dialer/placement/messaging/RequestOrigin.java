package io.switchboard.dialer.placement.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a call request came from: its key, and its place in the log when it carries no request id. */
public record RequestOrigin(String key, String topic, int partition, long offset) {

    public static RequestOrigin of(ConsumerRecord<String, ?> record) {
        return new RequestOrigin(record.key(), record.topic(), record.partition(), record.offset());
    }

    /** Names this record for good: the same record redelivered gets the same rejection id. */
    public String position() {
        return topic + "-" + partition + "-" + offset;
    }
}
