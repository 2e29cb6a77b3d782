package io.switchboard.events.kafka;

import static io.switchboard.events.fixtures.SamplePayloads.OCCURRED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.fixtures.SamplePayloads;
import io.switchboard.events.fixtures.TestKeys;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.signing.EventVerifier;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Replays through Kafka's {@link MockConsumer}: call-events cannot start the real broker of
 * test-support, which depends on it. The loop (assign, seek to the beginning, poll to the end
 * offsets, close) runs as it does against a broker.
 */
class TopicReplayerTests {

    private static final Topic TOPIC = Topic.CALL_STATES;
    private static final String TRUSTED = "orchestrator-2025-03";
    private static final String ROGUE = "rogue-2025-03";

    private final EventEnvelopes envelopes = envelopes(TRUSTED);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final TopicReplayer replayer =
            new TopicReplayer(() -> consumer, envelopes, new EventRefusals(meters), meters);
    private final List<ReceivedEvent<Object>> applied = new ArrayList<>();

    @Test
    void whenEveryRecordIsGoodThenEachReachesTheSinkInOffsetOrderAndNothingIsSkipped() {
        // given
        onTopic(signed(0, 0, envelopes), signed(0, 1, envelopes), signed(0, 2, envelopes));

        // when
        replayer.replay(TOPIC, List.of(0), applied::add);

        // then
        assertThat(applied).extracting(ReceivedEvent::id).containsExactly("evt-0-0", "evt-0-1", "evt-0-2");
        assertThat(meters.find("switchboard.replay.skipped").counters()).isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void whenARecordIsUndecodableOrUnverifiableThenItIsSkippedAndCountedAndTheGoodOnesAroundItReachTheSink() {
        // given
        onTopic(
                signed(0, 0, envelopes),
                raw(0, 1, "not a cloud event".getBytes(StandardCharsets.UTF_8), new RecordHeaders()),
                signed(0, 2, envelopes),
                signed(0, 3, envelopes(ROGUE)),
                signed(0, 4, envelopes),
                signed(1, 0, envelopes(ROGUE)),
                signed(1, 1, envelopes));

        // when
        replayer.replay(TOPIC, List.of(0, 1), applied::add);

        // then
        assertThat(applied)
                .extracting(ReceivedEvent::id)
                .containsExactlyInAnyOrder("evt-0-0", "evt-0-2", "evt-0-4", "evt-1-1");
        assertThat(applied)
                .extracting(ReceivedEvent::id)
                .filteredOn(id -> id.startsWith("evt-0"))
                .containsExactly("evt-0-0", "evt-0-2", "evt-0-4");
        assertThat(skipped("undecodable")).isEqualTo(1.0);
        assertThat(skipped("unverifiable")).isEqualTo(2.0);
    }

    @Test
    void whenARecordWasAlteredAfterSigningThenItIsSkippedAsUnverifiable() {
        // given
        ConsumerRecord<String, byte[]> good = signed(0, 1, envelopes);
        Headers altered = new RecordHeaders(good.headers().toArray());
        altered.remove("ce_subject");
        altered.add("ce_subject", "CA00000000000000000000000000000000".getBytes(StandardCharsets.UTF_8));
        onTopic(signed(0, 0, envelopes), raw(0, 1, good.value(), altered), signed(0, 2, envelopes));

        // when
        replayer.replay(TOPIC, List.of(0), applied::add);

        // then
        assertThat(applied).extracting(ReceivedEvent::id).containsExactly("evt-0-0", "evt-0-2");
        assertThat(skipped("unverifiable")).isEqualTo(1.0);
    }

    @Test
    void whenReplayingRecordsThenEachEventComesWithTheRecordItWasReadFrom() {
        // given
        onTopic(signed(0, 0, envelopes), signed(0, 1, envelopes));
        List<String> positions = new ArrayList<>();

        // when
        replayer.replayRecords(TOPIC, List.of(0), (record, event) -> {
            applied.add(event);
            positions.add(record.key() + "@" + record.offset());
        });

        // then a reader can check each event against its (unsigned) key
        assertThat(applied).extracting(ReceivedEvent::id).containsExactly("evt-0-0", "evt-0-1");
        assertThat(positions).containsExactly(SamplePayloads.CALL_ID + "@0", SamplePayloads.CALL_ID + "@1");
    }

    @Test
    void whenATombstoneIsReadThenItIsRefusedAsUnsignedAndTheEventBeforeItStillReachesTheSink() {
        // given a deletion marker nobody signed, after an event under the same key
        onTopic(signed(0, 0, envelopes), raw(0, 1, null, new RecordHeaders()), signed(0, 2, envelopes));

        // when
        replayer.replay(TOPIC, List.of(0), applied::add);

        // then it deletes nothing the reader was told, and is counted as refused, not as undecodable
        assertThat(applied).extracting(ReceivedEvent::id).containsExactly("evt-0-0", "evt-0-2");
        assertThat(meters.find("switchboard.replay.skipped").counters()).isEmpty();
        assertThat(meters.counter(
                                EventRefusals.METRIC, "topic", TOPIC.topicName(), "reason", Refusal.UNSIGNED_TOMBSTONE)
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void whenARecordIsSignedByATrustedKeyOfAnotherProducerThenItIsSkippedAsUnverifiable() {
        // given a reader trusting the billing service's key too, which may not sign provider events
        var billing = TestKeys.pair("billing-2025-03");
        var verifier = new EventVerifier(
                Map.of(TRUSTED, TestKeys.pair(TRUSTED).publicKey(), billing.keyId(), billing.publicKey()),
                Map.of(TRUSTED, EventProducers.WEBHOOK_INGRESS, billing.keyId(), EventProducers.BILLING_SERVICE));
        var reader = new EventEnvelopes(URI.create("/switchboard/reader"), TestKeys.signer(TRUSTED), verifier);
        var replaying = new TopicReplayer(() -> consumer, reader, new EventRefusals(meters), meters);
        onTopic(signed(0, 0, envelopes), signed(0, 1, envelopes("billing-2025-03")), signed(0, 2, envelopes));

        // when
        replaying.replay(TOPIC, List.of(0), applied::add);

        // then
        assertThat(applied).extracting(ReceivedEvent::id).containsExactly("evt-0-0", "evt-0-2");
        assertThat(skipped("unverifiable")).isEqualTo(1.0);
    }

    @Test
    void whenEveryPartitionIsReplayedThenTheTopicsPartitionsAreAskedOfTheBroker() {
        // given
        consumer.updatePartitions(TOPIC.topicName(), List.of(partitionInfo(0), partitionInfo(1)));
        onTopic(signed(0, 0, envelopes), signed(1, 0, envelopes), raw(1, 1, new byte[] {0x00}, new RecordHeaders()));

        // when
        replayer.replayAll(TOPIC, applied::add);

        // then
        assertThat(applied).extracting(ReceivedEvent::id).containsExactlyInAnyOrder("evt-0-0", "evt-1-0");
        assertThat(skipped("undecodable")).isEqualTo(1.0);
    }

    /** Puts the records on the topic: the end offsets now, the records once the replayer has assigned itself. */
    @SafeVarargs
    private void onTopic(ConsumerRecord<String, byte[]>... records) {
        var beginning = new HashMap<TopicPartition, Long>();
        var end = new HashMap<TopicPartition, Long>();
        for (ConsumerRecord<String, byte[]> record : records) {
            var tp = new TopicPartition(record.topic(), record.partition());
            beginning.put(tp, 0L);
            end.merge(tp, record.offset() + 1, Math::max);
        }
        consumer.updateBeginningOffsets(beginning);
        consumer.updateEndOffsets(end);
        consumer.schedulePollTask(() -> List.of(records).forEach(consumer::addRecord));
    }

    private static ConsumerRecord<String, byte[]> signed(int partition, long offset, EventEnvelopes by) {
        CloudEvent event = by.wrap(
                EventTypes.CALL_STATUS_REPORTED,
                "evt-" + partition + "-" + offset,
                SamplePayloads.CALL_ID,
                OCCURRED_AT,
                SamplePayloads.ringing());
        Headers headers = new RecordHeaders();
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        byte[] value = serializer.serialize(TOPIC.topicName(), headers, event);
        return raw(partition, offset, value, headers);
    }

    private static ConsumerRecord<String, byte[]> raw(int partition, long offset, byte[] value, Headers headers) {
        return new ConsumerRecord<>(
                TOPIC.topicName(),
                partition,
                offset,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                SamplePayloads.CALL_ID.length(),
                value == null ? -1 : value.length,
                SamplePayloads.CALL_ID,
                value,
                headers,
                Optional.empty());
    }

    private static EventEnvelopes envelopes(String signingKeyId) {
        return new EventEnvelopes(
                URI.create("/switchboard/call-orchestrator"),
                TestKeys.signer(signingKeyId),
                TestKeys.verifierTrusting(EventProducers.WEBHOOK_INGRESS, TRUSTED));
    }

    private static PartitionInfo partitionInfo(int partition) {
        var node = new Node(0, "localhost", 9092);
        return new PartitionInfo(TOPIC.topicName(), partition, node, new Node[] {node}, new Node[] {node});
    }

    private double skipped(String reason) {
        Counter counter = meters.find("switchboard.replay.skipped")
                .tag("topic", TOPIC.topicName())
                .tag("reason", reason)
                .counter();
        assertThat(counter).as("switchboard.replay.skipped{reason=%s}", reason).isNotNull();
        return counter.count();
    }
}
