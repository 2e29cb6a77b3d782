package io.switchboard.events.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventRefusalsTests {

    @Test
    void whenAnEventIsRefusedThenItIsCountedByTopicAndReason() {
        // given
        var meters = new SimpleMeterRegistry();
        var refusals = new EventRefusals(meters);
        var record = new ConsumerRecord<String, String>("switchboard.call-states.v1", 2, 41L, "CA1", "value");

        // when
        refusals.refuse(record, "id-1", new Refusal(Refusal.KEY_MISMATCH, "record key CA1 is not the call"));
        refusals.refuse(record, "id-2", new Refusal(Refusal.KEY_MISMATCH, "record key CA1 is not the call"));

        // then
        assertThat(meters.counter(
                                EventRefusals.METRIC,
                                "topic",
                                "switchboard.call-states.v1",
                                "reason",
                                Refusal.KEY_MISMATCH)
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void whenARecordHasNoValueThenItIsRefusedAsAnUnsignedTombstone() {
        // given
        var meters = new SimpleMeterRegistry();
        var refusals = new EventRefusals(meters);
        var tombstone = new ConsumerRecord<String, String>("switchboard.accounts.v1", 1, 7L, "acme", null);
        var event = new ConsumerRecord<String, String>("switchboard.accounts.v1", 1, 8L, "acme", "value");

        // when
        boolean tombstoneRefused = refusals.refuseTombstone(tombstone);
        boolean eventRefused = refusals.refuseTombstone(event);

        // then
        assertThat(tombstoneRefused).isTrue();
        assertThat(eventRefused).isFalse();
        assertThat(meters.counter(
                                EventRefusals.METRIC,
                                "topic",
                                "switchboard.accounts.v1",
                                "reason",
                                Refusal.UNSIGNED_TOMBSTONE)
                        .count())
                .isEqualTo(1.0);
    }
}
