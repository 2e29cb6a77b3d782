package io.switchboard.orchestrator.call.messaging;

import static io.switchboard.events.call.CallStatus.BUSY;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.INITIATED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.NO_ANSWER;
import static io.switchboard.events.call.CallStatus.RINGING;
import static io.switchboard.orchestrator.support.CallIds.newCallId;
import static io.switchboard.orchestrator.support.CallIds.newCallIdInPartitionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;

import io.cloudevents.CloudEvent;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.orchestrator.call.domain.Call;
import io.switchboard.orchestrator.support.AccountsApi;
import io.switchboard.orchestrator.support.CallIds;
import io.switchboard.orchestrator.support.OrchestratorIntegrationTest;
import io.switchboard.orchestrator.support.ProviderEvents;
import io.switchboard.testsupport.ConsumedEvent;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicContents;
import io.switchboard.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A request's {@code finished} outcome on the real broker: published on call-outcomes.v1, keyed by the request
 * id, once per request, in the transaction of the call's first terminal snapshot; never for a call nobody
 * requested.
 */
class RequestOutcomesIT extends OrchestratorIntegrationTest {

    private static final EventEnvelopes ENVELOPES = TestEnvelopes.trusted();

    private final SignedEvents producer = SignedEvents.onSharedBroker();
    private TopicReader<CloudEvent> callStates;

    @Autowired
    WebTestClient http;

    /** Once the context (which creates the catalogue's topics on a fresh broker) has started. */
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
    void whenARequestedCallCompletesThenItsRequestFinishesExactlyOnceWithStatusAndDuration() {
        // given an outbound call placed for a request
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when it completes after 42 s, and its completion, a late step and a later terminal status follow
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.placed(),
                call.status(RINGING, 1),
                call.status(IN_PROGRESS, 2),
                call.status(COMPLETED, 3, 42),
                call.status(COMPLETED, 3, 42),
                call.status(INITIATED, 0),
                call.status(BUSY, 4));
        settle(call);

        // then call-outcomes.v1 holds one finished outcome of the request, under the request's id and key
        List<ConsumedEvent<CallRequestOutcome>> outcomes = outcomesOf(call.requestId());
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.key()).isEqualTo(call.requestId());
            assertThat(outcome.event().subject()).isEqualTo(call.requestId());
            assertThat(outcome.event().id())
                    .isEqualTo(EventIds.of("call-request-outcome", "acme", call.requestId(), "finished"));
            CallRequestOutcome finished = outcome.payload();
            assertThat(finished.outcome()).isEqualTo(CallRequestOutcome.Outcome.FINISHED);
            assertThat(finished.requestId()).isEqualTo(call.requestId());
            assertThat(finished.accountId()).isEqualTo("acme");
            assertThat(finished.callId()).isEqualTo(callId);
            assertThat(finished.finalStatus()).isEqualTo(COMPLETED);
            assertThat(finished.durationSeconds()).isEqualTo(42);
            assertThat(outcome.event().time()).isEqualTo(finished.occurredAt());
        });
        // and it came with the first completed snapshot, whose time it carries
        CallStateChanged completed = firstCompleted(call);
        assertThat(outcomes.getFirst().payload().occurredAt()).isEqualTo(completed.changedAt());
    }

    @Test
    void whenTheCallEndsBeforeItsPlacementIsHeardThenTheRequestFinishesOnceWithThePlacement() {
        // given a call whose no-answer callback beats the dialer's CallPlaced, which is then delivered twice
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");

        // when
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.status(INITIATED, 0),
                call.status(NO_ANSWER, 2),
                call.placed(),
                call.placed());
        settle(call);

        // then
        assertThat(outcomesOf(call.requestId())).singleElement().satisfies(outcome -> {
            assertThat(outcome.payload().finalStatus()).isEqualTo(NO_ANSWER);
            assertThat(outcome.payload().durationSeconds()).isNull();
            assertThat(outcome.payload().callId()).isEqualTo(callId);
        });
    }

    @Test
    void whenTheTransactionRollsBackAfterTheOutcomeWasPublishedThenReadersSeeItOnce() {
        // given a failure right after the finished outcome was sent inside the listener's transaction, once
        String callId = newCallId();
        var call = new ProviderEvents(callId, "acme");
        doAnswer(invocation -> {
                    invocation.callRealMethod();
                    throw new IllegalStateException("injected failure after the outcome, before the commit");
                })
                .doCallRealMethod()
                .when(requestOutcomePublisher)
                .finished(argThat(callOf(callId)));

        // when the call is placed and completes
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.placed(),
                call.status(IN_PROGRESS, 2),
                call.status(COMPLETED, 3, 9));
        settle(call);

        // then the aborted outcome is invisible to read_committed readers, and the redelivery published it again
        assertThat(outcomesOf(call.requestId()))
                .singleElement()
                .extracting(outcome -> outcome.payload().durationSeconds())
                .isEqualTo(9);
        verify(requestOutcomePublisher, times(2)).finished(argThat(callOf(callId)));
    }

    @Test
    void whenAnInboundCallEndsThenNoRequestFinishes() {
        // given an account's number, called from outside
        String accountId = CallIds.newAccountId();
        String number = CallIds.newNumber();
        new AccountsApi(http).configure(accountId, number, "support", "wss://assistants.example/support");
        String callId = newCallId();
        var call = new ProviderEvents(callId, accountId);

        // when the call is received, answered and completes
        producer.send(
                Topic.PROVIDER_EVENTS,
                callId,
                call.inbound("+14155550111", number),
                call.status(IN_PROGRESS, 2),
                call.status(COMPLETED, 3, 15));
        settle(call);

        // then its state ended, and call-outcomes.v1 says nothing about it
        assertThat(firstCompleted(call).requestId()).isNull();
        assertThat(TopicContents.events(SharedKafkaBroker.bootstrapServers(), Topic.CALL_OUTCOMES))
                .filteredOn(event -> event.is(EventTypes.CALL_REQUEST_OUTCOME))
                .map(event -> event.as(EventTypes.CALL_REQUEST_OUTCOME).payload())
                .noneMatch(outcome -> callId.equals(outcome.callId()) || accountId.equals(outcome.accountId()));
    }

    /**
     * Sends a call in the same partition after the test's events and waits for its state: partitions are
     * processed in order, so by then every record of the test's call is applied and its transaction committed.
     */
    private void settle(ProviderEvents call) {
        String marker = newCallIdInPartitionOf(call.key().providerCallId());
        var markerCall = new ProviderEvents(marker, "acme");
        producer.send(Topic.PROVIDER_EVENTS, marker, markerCall.placed());
        callStates.awaitKey(markerCall.stateKey(), 1);
    }

    /** Every committed outcome of the request now on call-outcomes.v1. */
    private static List<ConsumedEvent<CallRequestOutcome>> outcomesOf(String requestId) {
        return TopicContents.events(SharedKafkaBroker.bootstrapServers(), Topic.CALL_OUTCOMES).stream()
                .filter(event -> event.is(EventTypes.CALL_REQUEST_OUTCOME))
                .map(event -> event.as(EventTypes.CALL_REQUEST_OUTCOME))
                .filter(event -> requestId.equals(event.payload().requestId()))
                .toList();
    }

    private CallStateChanged firstCompleted(ProviderEvents call) {
        return callStates
                .await(
                        record -> call.stateKey().equals(record.key()),
                        records -> records.stream()
                                .anyMatch(
                                        record -> state(record.value()).status().isTerminal()))
                .stream()
                .map(record -> state(record.value()))
                .filter(state -> state.status().isTerminal())
                .findFirst()
                .orElseThrow();
    }

    private static CallStateChanged state(CloudEvent event) {
        return ENVELOPES.unwrap(event).as(EventTypes.CALL_STATE_CHANGED).payload();
    }

    private static ArgumentMatcher<Call> callOf(String callId) {
        return call -> call != null && callId.equals(call.providerCallId());
    }
}
