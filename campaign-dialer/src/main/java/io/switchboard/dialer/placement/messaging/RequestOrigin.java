package io.switchboard.dialer.request.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a call request came from: its key, and its place in the log when it carries no request id. */
record RequestOrigin(String key, String topic, int partition, long offset) {

    static RequestOrigin of(ConsumerRecord<String, ?> record) {
        return new RequestOrigin(record.key(), record.topic(), record.partition(), record.offset());
    }

    /** Names this record for good: the same record redelivered gets the same rejection id. */
    String position() {
        return topic + "-" + partition + "-" + offset;
    }
}
