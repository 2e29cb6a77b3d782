package io.switchboard.calllog;

import static io.switchboard.calllog.CallLogFixture.T0;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.calllog.call.domain.CallLogReader;
import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.SharedKafkaBroker;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tenant isolation in the call log (docs/design.md, guarantee 14): a call's document is its call key's
 * (provider, account, provider call id). Account B's call with account A's CallSid, made by a callback
 * that B's own credential signed, is B's document: whenever its events arrive, A's document is exactly
 * what A's own events make it, and the lookup of A's call finds A's. Events filed under a key that is
 * not their call's are refused.
 */
class CrossAccountCallLogIT extends CallLogIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MARKERS = "markers";
    /** B's events are a day later, so that any of them applied to A's document would show in its times. */
    private static final Instant LATER = T0.plus(Duration.ofDays(1));

    @Autowired
    CallLogReader reader;

    @Autowired
    MeterRegistry meters;

    private final String accountA = CallEvents.newAccountId();
    private final String accountB = CallEvents.newAccountId();

    @Test
    void whenAnotherAccountsCallWithTheCallIdIsLoggedFirstThenTheCallsDocumentIsAsWithoutIt() {
        // given account A's call, and a control call of A's that no other account touches
        String callId = CallEvents.newCallId();
        String control = CallEvents.newCallId();

        // when B's completed call with A's CallSid, its recording and its charge arrive before A's events
        List<RecordMetadata> sent = new ArrayList<>(anotherAccountsCall(callId));
        sent.addAll(aCompletedCall(callId));
        sent.addAll(aCompletedCall(control));
        settle(sent);

        // then A's document is the control's but for the call id, and B's is B's own
        assertSameButForTheCallId(find(accountA, callId), find(accountA, control));
        assertOnlyItsOwnCall(callId);
    }

    @Test
    void whenAnotherAccountsCallWithTheCallIdIsLoggedAfterThenTheCallsDocumentIsUnchanged() {
        // given account A's completed, recorded and charged call
        String callId = CallEvents.newCallId();
        settle(aCompletedCall(callId));
        CallRecord before = find(accountA, callId);
        assertThat(before.status()).isEqualTo("completed");

        // when account B's call with the same CallSid is logged, a day later, twice
        List<RecordMetadata> sent = new ArrayList<>(anotherAccountsCall(callId));
        sent.addAll(anotherAccountsCall(callId));
        settle(sent);

        // then A's document is exactly as it was
        assertThat(find(accountA, callId)).isEqualTo(before);
        assertOnlyItsOwnCall(callId);
    }

    @Test
    void whenAnotherAccountsEventsAreFiledUnderTheCallsKeyOrAccountThenTheyAreRefusedAndChangeNothing() {
        // given account A's completed call
        String callId = CallEvents.newCallId();
        settle(aCompletedCall(callId));
        CallRecord before = find(accountA, callId);
        double states = refused(Topic.CALL_STATES, Refusal.ACCOUNT_MISMATCH);
        double charges = refused(Topic.LEDGER, Refusal.ACCOUNT_MISMATCH);

        // when B's signed snapshot is written under A's call key, and B's charge under A's account
        String keyOfA = CallEvents.key(callId, accountA);
        CallStateChanged ofB = CallEvents.snapshot(callId, accountB, LATER, QUEUED, COMPLETED);
        RecordMetadata state = events.send(
                Topic.CALL_STATES,
                keyOfA,
                events.sign(EventTypes.CALL_STATE_CHANGED, EventIds.of("forged", keyOfA), keyOfA, LATER, ofB));
        CallCharged chargeOfB = CallEvents.charge(callId, accountB);
        RecordMetadata charge = events.send(
                Topic.LEDGER,
                accountA,
                events.sign(
                        EventTypes.CALL_CHARGED,
                        EventIds.of("forged-charge", keyOfA),
                        CallEvents.key(callId, accountB),
                        LATER,
                        chargeOfB));
        settle(List.of(state, charge));

        // then both were refused and counted, not dead-lettered, and no document changed or appeared
        assertThat(refused(Topic.CALL_STATES, Refusal.ACCOUNT_MISMATCH)).isEqualTo(states + 1);
        assertThat(refused(Topic.LEDGER, Refusal.ACCOUNT_MISMATCH)).isEqualTo(charges + 1);
        assertThat(find(accountA, callId)).isEqualTo(before);
        assertThat(reader.findCall(accountB, callId).block(WAIT)).isNull();
        assertThat(new DeadLetterTopics(SharedKafkaBroker.bootstrapServers())
                        .withKeys(List.of(Topic.CALL_STATES, Topic.LEDGER), Set.of(keyOfA, accountA)))
                .isEmpty();
    }

    /**
     * Waits until every partition these records went to has been consumed past them: a marker call's event
     * is sent behind them to the same partition and awaited in the log (read through the reader, not the
     * HTTP API, whose access rules are not what this test is about).
     */
    private void settle(List<RecordMetadata> sent) {
        sent.stream()
                .map(record -> new TopicPartition(record.topic(), record.partition()))
                .distinct()
                .forEach(partition -> {
                    String marker = CallEvents.newCallId();
                    String key = CallEvents.key(marker, MARKERS);
                    switch (Topic.byName(partition.topic())) {
                        case CALL_STATES ->
                            events.send(
                                    Topic.CALL_STATES,
                                    partition.partition(),
                                    key,
                                    events.sign(
                                            EventTypes.CALL_STATE_CHANGED,
                                            EventIds.of(marker),
                                            key,
                                            T0,
                                            CallEvents.snapshot(marker, MARKERS, T0, QUEUED)));
                        case PROVIDER_EVENTS ->
                            events.send(
                                    Topic.PROVIDER_EVENTS,
                                    partition.partition(),
                                    marker,
                                    events.sign(
                                            EventTypes.RECORDING_REPORTED,
                                            EventIds.of(marker),
                                            marker,
                                            T0,
                                            CallEvents.recording(marker, MARKERS, "completed")));
                        case LEDGER ->
                            events.send(
                                    Topic.LEDGER,
                                    partition.partition(),
                                    MARKERS,
                                    events.sign(
                                            EventTypes.CALL_CHARGED,
                                            EventIds.of(marker),
                                            key,
                                            T0,
                                            CallEvents.charge(marker, MARKERS)));
                        default -> throw new IllegalArgumentException("no marker for " + partition);
                    }
                    await().atMost(WAIT)
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> find(MARKERS, marker) != null);
                });
    }

    /** A's outbound call that completes after 42 s, is recorded and charged, as its neighbours publish it. */
    private List<RecordMetadata> aCompletedCall(String callId) {
        List<RecordMetadata> sent =
                new ArrayList<>(fixture.progress(callId, accountA, T0, QUEUED, RINGING, IN_PROGRESS, COMPLETED));
        sent.add(fixture.recording(CallEvents.recording(callId, accountA, "completed")));
        sent.add(fixture.charge(CallEvents.charge(callId, accountA)));
        return sent;
    }

    /** B's own call under the same CallSid: a day later, completed, recorded and charged to B. */
    private List<RecordMetadata> anotherAccountsCall(String callId) {
        List<RecordMetadata> sent =
                new ArrayList<>(fixture.progress(callId, accountB, LATER, QUEUED, CallStatus.COMPLETED));
        sent.add(fixture.recording(CallEvents.recording(callId, accountB, "completed")));
        sent.add(fixture.charge(CallEvents.charge(callId, accountB)));
        return sent;
    }

    /** B's events made B's document, found for B only; A's account lists A's call once. */
    private void assertOnlyItsOwnCall(String callId) {
        CallRecord ofB = find(accountB, callId);
        assertThat(ofB.accountId()).isEqualTo(accountB);
        assertThat(ofB.startedAt()).isEqualTo(LATER);
        assertThat(reader.search(accountsCalls(accountA)).block(WAIT).items())
                .filteredOn(call -> call.callId().equals(callId))
                .singleElement()
                .extracting(CallRecord::accountId)
                .isEqualTo(accountA);
    }

    private static void assertSameButForTheCallId(CallRecord call, CallRecord control) {
        assertThat(call.status()).isEqualTo("completed");
        assertThat(call)
                .usingRecursiveComparison()
                .ignoringFields("callId", "requestId", "recording.recordingId", "recording.url")
                .isEqualTo(control);
    }

    private CallRecord find(String accountId, String callId) {
        return reader.findCall(accountId, callId).block(WAIT);
    }

    private static CallQuery accountsCalls(String accountId) {
        return new CallQuery(Optional.empty(), Optional.of(accountId), Optional.empty(), Optional.empty(), 0, 100);
    }

    private double refused(Topic topic, String reason) {
        var counter = meters.find(EventRefusals.METRIC)
                .tags("topic", topic.topicName(), "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
