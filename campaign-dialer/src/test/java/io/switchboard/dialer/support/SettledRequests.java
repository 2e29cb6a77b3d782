package io.switchboard.dialer.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome.Outcome;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What became of requests, read from {@code call-outcomes.v1}: placed or rejected, the first word for each. */
public final class SettledRequests {

    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();

    private SettledRequests() {}

    /** Waits until every one of {@code requestIds} is placed or rejected. */
    public static Map<String, CallRequestOutcome> await(TopicReader<byte[]> outcomes, Collection<String> requestIds) {
        var records = outcomes.await(
                record -> requestIds.contains(record.key()),
                seen -> settledIn(seen).keySet().containsAll(requestIds));
        return settledIn(records);
    }

    private static Map<String, CallRequestOutcome> settledIn(List<ConsumerRecord<String, byte[]>> seen) {
        Map<String, CallRequestOutcome> settled = new HashMap<>();
        seen.stream()
                .map(SettledRequests::outcome)
                .filter(outcome -> outcome.outcome() == Outcome.PLACED || outcome.outcome() == Outcome.REJECTED)
                .forEach(outcome -> settled.putIfAbsent(outcome.requestId(), outcome));
        return settled;
    }

    private static CallRequestOutcome outcome(ConsumerRecord<String, byte[]> record) {
        return KafkaRecords.verified(record, VERIFYING)
                .orElseThrow()
                .as(EventTypes.CALL_REQUEST_OUTCOME)
                .payload();
    }
}
