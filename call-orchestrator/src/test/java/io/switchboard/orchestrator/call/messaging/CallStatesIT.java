package io.switchboard.orchestrator.call.messaging;

import static io.switchboard.events.call.CallStatus.BUSY;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.INITIATED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static io.switchboard.orchestrator.support.CallIds.newCallId;
import static io.switchboard.orchestrator.support.CallIds.newCallIdInPartitionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallTransition;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.domain.Call;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.CallIds;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.orchestrator.support.ProviderEvents;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class CallStatesIT extends OrchestratorIntegrationTest {

    private final EventEnvelopes envelopes = TestEnvelopes.trusted();
    private final SignedEvents producer = SignedEvents.onSharedBroker();
    private TopicReader<CloudEvent> callStates;

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    /**
     * Once the context has started: on a fresh broker it creates the catalogue's topics, and a reader made
     * before them would be assigned no partition.
     */
    @BeforeEach
    void readCallStates() {
        callStates = TopicReader.cloudEvents(Topic.CALL_STATES.topicName());
    }

    @AfterEach
    void close() {
        producer.close();
        callStates.close();
    }

    @Test
    void whenCallbacksAreDuplicatedAndReorderedThenEachTransitionIsPublishedOnce() {
        // given an outbound call
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when its events arrive with duplicates, a late callback and statuses after the end
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.placed(),
                call.status(INITIATED, 0),
                call.status(RINGING, 1),
                call.status(RINGING, 1),
                call.status(IN_PROGRESS, 2),
                call.status(INITIATED, 0),
                call.placed(),
                call.status(COMPLETED, 3, 42),
                call.status(BUSY, 4),
                call.status(COMPLETED, 3, 42));

        // then every status was published once, in order, the last one complete
        List<ConsumerRecord<String, CloudEvent>> records = recordsAfterSettling(call);
        List<CallStateChanged> states = states(records);
        assertThat(states)
                .extracting(CallStateChanged::status)
                .containsExactly(QUEUED, INITIATED, RINGING, IN_PROGRESS, COMPLETED);
        assertThat(records)
                .extracting(record -> record.value().getId())
                .containsExactly(
                        id(call, "queued", 1),
                        id(call, "initiated", 2),
                        id(call, "ringing", 3),
                        id(call, "in-progress", 4),
                        id(call, "completed", 5));
        CallStateChanged completed = states.getLast();
        assertThat(completed.previousStatus()).isEqualTo(IN_PROGRESS);
        assertThat(completed.durationSeconds()).isEqualTo(42);
        assertThat(completed.requestId()).isEqualTo(call.requestId());
        assertThat(completed.assistantId()).isEqualTo("sales");
        assertThat(completed.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(completed.timeline())
                .extracting(CallTransition::status)
                .containsExactly(QUEUED, INITIATED, RINGING, IN_PROGRESS, COMPLETED);
        assertThat(meters.counter("switchboard.calls.transitions", "status", "completed", "direction", "outbound")
                        .count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void whenInProgressArrivesAfterCompletedThenACorrectedCompletedSnapshotIsTheLastRecord() {
        // given a ringing call
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when completed overtakes in-progress, which is then delivered twice, and a busy comes last
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.placed(),
                call.status(RINGING, 1),
                call.status(COMPLETED, 3, 7),
                call.status(IN_PROGRESS, 2),
                call.status(IN_PROGRESS, 2),
                call.status(BUSY, 4));

        // then the call completed once, and the corrected completed snapshot, under its own id, has every step
        List<ConsumerRecord<String, CloudEvent>> records = recordsAfterSettling(call);
        List<CallStateChanged> states = states(records);
        assertThat(states).extracting(CallStateChanged::status).containsExactly(QUEUED, RINGING, COMPLETED, COMPLETED);
        assertThat(records)
                .extracting(record -> record.value().getId())
                .containsExactly(
                        id(call, "queued", 1),
                        id(call, "ringing", 2),
                        id(call, "completed", 3),
                        id(call, "completed", 4));
        CallStateChanged corrected = states.getLast();
        assertThat(corrected.previousStatus()).isEqualTo(RINGING);
        assertThat(corrected.durationSeconds()).isEqualTo(7);
        assertThat(corrected.changedAt()).isEqualTo(states.get(2).changedAt());
        assertThat(corrected.timeline())
                .extracting(CallTransition::status)
                .containsExactly(QUEUED, RINGING, IN_PROGRESS, COMPLETED);
    }

    @Test
    void whenRingingIsHeldBackUntilAfterBusyThenTheBusySnapshotIsRepublishedWithIt() {
        // given an outbound call
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when the provider's ringing callback is delivered only after busy, as the simulator's reorder fault does
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.placed(),
                call.status(INITIATED, 0),
                call.status(BUSY, 2),
                call.status(RINGING, 1));

        // then busy is published once more with ringing in its timeline, and stays the last record
        List<CallStateChanged> states = states(recordsAfterSettling(call));
        assertThat(states).extracting(CallStateChanged::status).containsExactly(QUEUED, INITIATED, BUSY, BUSY);
        assertThat(states.getLast().previousStatus()).isEqualTo(INITIATED);
        assertThat(states.getLast().timeline())
                .extracting(CallTransition::status)
                .containsExactly(QUEUED, INITIATED, RINGING, BUSY);
    }

    @Test
    void whenStatusArrivesBeforeThePlacementThenTheCallStartsFromItAndLaterSnapshotsCarryTheRequest() {
        // given a status callback that beats the dialer's CallPlaced
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when
        producer.send(Topic.PROVIDER_EVENTS, callId, call.status(INITIATED, 0), call.placed(), call.status(RINGING, 1));

        // then the placement is no status change: it corrects the initiated snapshot with its step and request
        List<CallStateChanged> states = states(recordsAfterSettling(call));
        assertThat(states).extracting(CallStateChanged::status).containsExactly(INITIATED, INITIATED, RINGING);
        assertThat(states.getFirst().requestId()).isNull();
        assertThat(states.get(1).requestId()).isEqualTo(call.requestId());
        assertThat(states.get(1).timeline()).extracting(CallTransition::status).containsExactly(QUEUED, INITIATED);
        assertThat(states.getLast().requestId()).isEqualTo(call.requestId());
        assertThat(states.getLast().timeline())
                .extracting(CallTransition::status)
                .containsExactly(QUEUED, INITIATED, RINGING);
    }

    @Test
    void whenWhoAnsweredIsDetectedBeforeTheFirstStatusThenEverySnapshotCarriesItAndARepeatChangesNothing() {
        // given an outbound call whose AMD result overtakes all its other events
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when it is then placed, answered and completed, and the detection is delivered again at the end
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.detected("human"),
                call.placed(),
                call.status(IN_PROGRESS, 2),
                call.status(COMPLETED, 3, 20),
                call.detected("human"));

        // then the statuses are as without it, each snapshot knows who answered, and the repeat published nothing
        List<ConsumerRecord<String, CloudEvent>> records = recordsAfterSettling(call);
        List<CallStateChanged> states = states(records);
        assertThat(states).extracting(CallStateChanged::status).containsExactly(QUEUED, IN_PROGRESS, COMPLETED);
        assertThat(states).extracting(CallStateChanged::answeredBy).containsOnly("human");
        assertThat(records)
                .extracting(record -> record.value().getId())
                .containsExactly(
                        answeredId(call, "queued", 1, "human"),
                        answeredId(call, "in-progress", 2, "human"),
                        answeredId(call, "completed", 3, "human"));
    }

    @Test
    void whenWhoAnsweredIsDetectedAfterTheCallEndedThenTheTerminalSnapshotIsPublishedAgainWithIt() {
        // given an outbound call answered by a machine, which completes before the detection is heard
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.placed(),
                call.status(IN_PROGRESS, 2),
                call.status(COMPLETED, 3, 31),
                call.detected("machine_end_beep"),
                call.status(COMPLETED, 3, 31));

        // then a corrected completed snapshot, under its own id, is the last record: same status, duration and time
        List<ConsumerRecord<String, CloudEvent>> records = recordsAfterSettling(call);
        List<CallStateChanged> states = states(records);
        assertThat(states)
                .extracting(CallStateChanged::status)
                .containsExactly(QUEUED, IN_PROGRESS, COMPLETED, COMPLETED);
        assertThat(states)
                .extracting(CallStateChanged::answeredBy)
                .containsExactly(null, null, null, "machine_end_beep");
        assertThat(records.getLast().value().getId()).isEqualTo(answeredId(call, "completed", 3, "machine_end_beep"));
        CallStateChanged corrected = states.getLast();
        assertThat(corrected.durationSeconds()).isEqualTo(31);
        assertThat(corrected.previousStatus()).isEqualTo(IN_PROGRESS);
        assertThat(corrected.changedAt()).isEqualTo(states.get(2).changedAt());
        assertThat(corrected.requestId()).isEqualTo(call.requestId());
    }

    @Test
    void whenInboundCallIsReceivedThenItRingsWithTheNumbersAssistant() {
        // given an account that owns a number
        String accountId = CallIds.newAccountId();
        String number = CallIds.newNumber();
        new AccountsApi(http).configure(accountId, number, "support", "wss://assistants.example/support");
        String callId = newCallId();
        var call = new ProviderEvents(callId, accountId);

        // when a call to it is received, answered and ends
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.inbound("+14155550111", number),
                call.status(IN_PROGRESS, 2),
                call.status(COMPLETED, 3, 15));

        // then
        List<CallStateChanged> states = states(recordsAfterSettling(call));
        assertThat(states).extracting(CallStateChanged::status).containsExactly(RINGING, IN_PROGRESS, COMPLETED);
        assertThat(states.getFirst().direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(states.getFirst().assistantId()).isEqualTo("support");
        assertThat(states.getFirst().accountId()).isEqualTo(accountId);
    }

    @Test
    void whenTransactionRollsBackAfterPublishingThenTheRedeliveredEventIsAppliedOnceFromTheUndoneState() {
        // given a failure after the ringing snapshot was published inside the listener's transaction, once
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");
        doAnswer(invocation -> {
                    invocation.callRealMethod();
                    throw new IllegalStateException("injected failure after publishing, before the commit");
                })
                .doCallRealMethod()
                .when(callStatePublisher)
                .publish(anyInt(), argThat(ringing(callId)));

        // when the call is placed, rings and is answered
        producer.send(
                Topic.PROVIDER_EVENTS, callId, call.placed(), call.status(RINGING, 1), call.status(IN_PROGRESS, 2));

        // then the aborted snapshot is invisible to read_committed readers, and the redelivered ringing was applied
        // again: memory had been undone, else it would have been taken for a duplicate and never published
        List<CallStateChanged> states = states(recordsAfterSettling(call));
        assertThat(states).extracting(CallStateChanged::status).containsExactly(QUEUED, RINGING, IN_PROGRESS);
        assertThat(states.getLast().timeline())
                .extracting(CallTransition::status)
                .containsExactly(QUEUED, RINGING, IN_PROGRESS);
        verify(callStatePublisher, times(2)).publish(anyInt(), argThat(ringing(callId)));
    }

    private static ArgumentMatcher<Call> ringing(String callId) {
        return snapshot -> snapshot != null && callId.equals(snapshot.providerCallId()) && snapshot.status() == RINGING;
    }

    /**
     * Sends a call in the same partition after the test's events and waits for its state: partitions
     * are processed in order, so by then every record of the test's call is applied and committed.
     */
    private List<ConsumerRecord<String, CloudEvent>> recordsAfterSettling(ProviderEvents call) {
        String marker = newCallIdInPartitionOf(call.key().providerCallId());
        var markerCall = new ProviderEvents(marker, "acme");
        producer.send(Topic.PROVIDER_EVENTS, marker, markerCall.placed());
        callStates.awaitKey(markerCall.stateKey(), 1);
        return callStates.await(record -> call.stateKey().equals(record.key()), matched -> true);
    }

    private static String id(ProviderEvents call, String status, int timelineSize) {
        return EventIds.of("call-state", call.stateKey(), status, Integer.toString(timelineSize));
    }

    private static String answeredId(ProviderEvents call, String status, int timelineSize, String answeredBy) {
        return EventIds.of(
                "call-state", call.stateKey(), status, Integer.toString(timelineSize), "answered-by", answeredBy);
    }

    private List<CallStateChanged> states(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream()
                .map(record -> envelopes
                        .unwrap(record.value())
                        .as(EventTypes.CALL_STATE_CHANGED)
                        .payload())
                .toList();
    }
}
