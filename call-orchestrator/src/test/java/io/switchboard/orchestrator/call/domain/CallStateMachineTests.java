package io.switchboard.orchestrator.call.domain;

import static io.switchboard.events.call.CallStatus.BUSY;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.INITIATED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static io.switchboard.orchestrator.call.domain.CallFacts.inbound;
import static io.switchboard.orchestrator.call.domain.CallFacts.placed;
import static io.switchboard.orchestrator.call.domain.CallFacts.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.call.CallTransition;
import org.junit.jupiter.api.Test;

class CallStateMachineTests {

    private final CallStateMachine machine = new CallStateMachine();

    @Test
    void whenEventsArriveInOrderThenEveryStatusIsOneChange() {
        // given a call the dialer placed
        var run = new Run(placed());

        // when the provider reports its progress in order
        run.apply(status(INITIATED, 0), status(RINGING, 1), status(IN_PROGRESS, 2), status(COMPLETED, 3, 42));

        // then each status was one change, and the call ended with its duration
        assertThat(run.publishedStatuses()).containsExactly(QUEUED, INITIATED, RINGING, IN_PROGRESS, COMPLETED);
        assertThat(run.call.previousStatus()).isEqualTo(IN_PROGRESS);
        assertThat(run.call.durationSeconds()).isEqualTo(42);
        assertThat(run.call.requestId()).isEqualTo("req-1");
        assertThat(statuses(run.call.timeline())).containsExactly(QUEUED, INITIATED, RINGING, IN_PROGRESS, COMPLETED);
    }

    @Test
    void whenStatusIsRepeatedThenNothingChanges() {
        // given a ringing call
        var run = new Run(placed(), status(RINGING, 1));
        Call ringing = run.call;

        // when the same callback comes again
        CallUpdate update = machine.apply(ringing, status(RINGING, 1));

        // then nothing changed and nothing is to be published
        assertThat(update.changed()).isFalse();
        assertThat(update.statusChanged()).isFalse();
        assertThat(update.after()).isEqualTo(ringing);
    }

    @Test
    void whenRingingArrivesAfterInProgressThenStatusStaysAndTheTimelineGapIsFilled() {
        // given a call that went from initiated straight to in-progress
        var run = new Run(placed(), status(INITIATED, 0), status(IN_PROGRESS, 2));

        // when the ringing callback arrives late
        CallUpdate update = machine.apply(run.call, status(RINGING, 1));

        // then the call stays in progress, is not published again, and its timeline is complete and ordered
        assertThat(update.statusChanged()).isFalse();
        assertThat(update.after().status()).isEqualTo(IN_PROGRESS);
        assertThat(statuses(update.after().timeline())).containsExactly(QUEUED, INITIATED, RINGING, IN_PROGRESS);
    }

    @Test
    void whenCompletedArrivesBeforeInProgressThenTheCallEndsAndInProgressIsAbsorbed() {
        // given a ringing call
        var run = new Run(placed(), status(RINGING, 1));

        // when completed overtakes in-progress
        run.apply(status(COMPLETED, 3, 30), status(IN_PROGRESS, 2));

        // then the call completed once, and the late in-progress changed nothing
        assertThat(run.publishedStatuses()).containsExactly(QUEUED, RINGING, COMPLETED);
        assertThat(run.call.status()).isEqualTo(COMPLETED);
        assertThat(run.call.previousStatus()).isEqualTo(RINGING);
        assertThat(statuses(run.call.timeline())).containsExactly(QUEUED, RINGING, COMPLETED);
    }

    @Test
    void whenBusyArrivesAfterCompletedThenTheCallStaysCompleted() {
        // given a completed call
        var run = new Run(placed(), status(IN_PROGRESS, 2), status(COMPLETED, 3, 12));
        Call completed = run.call;

        // when another terminal status arrives
        CallUpdate update = machine.apply(completed, status(BUSY, 4));

        // then terminal statuses absorb it
        assertThat(update.changed()).isFalse();
        assertThat(update.after()).isEqualTo(completed);
    }

    @Test
    void whenStatusArrivesBeforeTheCallIsPlacedThenItCreatesTheCallAndPlacedOnlyFillsIn() {
        // given no call yet, when a status callback arrives first
        CallUpdate created = machine.apply(null, status(INITIATED, 0));

        // then the call exists with what the callback carried
        assertThat(created.statusChanged()).isTrue();
        assertThat(created.after().status()).isEqualTo(INITIATED);
        assertThat(created.after().direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(created.after().accountId()).isEqualTo("acme");
        assertThat(created.after().requestId()).isNull();

        // when the dialer's CallPlaced arrives after it
        CallUpdate placed = machine.apply(created.after(), placed());

        // then it fills in the request and assistant without a status change
        assertThat(placed.changed()).isTrue();
        assertThat(placed.statusChanged()).isFalse();
        assertThat(placed.after().status()).isEqualTo(INITIATED);
        assertThat(placed.after().requestId()).isEqualTo("req-1");
        assertThat(placed.after().assistantId()).isEqualTo("sales");
        assertThat(statuses(placed.after().timeline())).containsExactly(QUEUED, INITIATED);
    }

    @Test
    void whenInboundCallIsReceivedThenAnInboundRingingCallWithItsAssistantStarts() {
        // given an inbound call received
        var run = new Run(inbound());

        // when it is answered and ends
        run.apply(status(IN_PROGRESS, 2), status(COMPLETED, 3, 5));

        // then it started ringing as an inbound call with the number's assistant
        assertThat(run.publishedStatuses()).containsExactly(RINGING, IN_PROGRESS, COMPLETED);
        assertThat(run.call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(run.call.assistantId()).isEqualTo("sales");
        assertThat(run.call.from()).isEqualTo("+14155550111");
    }

    @Test
    void whenTerminalCallIsSeenFirstThenItIsCreatedEndedAndAbsorbsThePlacement() {
        // given a call whose only callback so far is failed
        var run = new Run(status(CallStatus.FAILED, 0));

        // when the dialer's CallPlaced arrives
        CallUpdate update = machine.apply(run.call, placed());

        // then the call stays as it ended: nothing after a terminal status changes it
        assertThat(run.publishedStatuses()).containsExactly(CallStatus.FAILED);
        assertThat(update.changed()).isFalse();
    }

    private static List<CallStatus> statuses(List<CallTransition> timeline) {
        return timeline.stream().map(CallTransition::status).toList();
    }

    /** Applies facts one after the other, keeping what a publisher would have sent. */
    private final class Run {

        Call call;
        final List<Call> published = new ArrayList<>();

        Run(CallFact... facts) {
            apply(facts);
        }

        void apply(CallFact... facts) {
            for (CallFact fact : facts) {
                CallUpdate update = machine.apply(call, fact);
                if (update.statusChanged()) {
                    published.add(update.after());
                }
                call = update.after();
            }
        }

        List<CallStatus> publishedStatuses() {
            return published.stream().map(Call::status).toList();
        }
    }
}
