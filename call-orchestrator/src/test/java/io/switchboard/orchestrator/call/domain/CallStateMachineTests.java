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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(update.publishes()).isFalse();
        assertThat(update.after()).isEqualTo(ringing);
    }

    @Test
    void whenRingingArrivesAfterInProgressThenStatusStaysAndACorrectedSnapshotFillsTheGap() {
        // given a call that went from initiated straight to in-progress
        var run = new Run(placed(), status(INITIATED, 0), status(IN_PROGRESS, 2));

        // when the ringing callback arrives late
        CallUpdate update = machine.apply(run.call, status(RINGING, 1));

        // then the call stays in progress, and a snapshot with its complete, ordered timeline is published
        assertThat(update.statusChanged()).isFalse();
        assertThat(update.publishes()).isTrue();
        assertThat(update.after().status()).isEqualTo(IN_PROGRESS);
        assertThat(update.after().previousStatus()).isEqualTo(INITIATED);
        assertThat(statuses(update.after().timeline())).containsExactly(QUEUED, INITIATED, RINGING, IN_PROGRESS);
    }

    @Test
    void whenRingingArrivesAfterBusyThenACorrectedBusySnapshotCarriesIt() {
        // given a call that was busy before its ringing callback was delivered
        var run = new Run(placed(), status(INITIATED, 0), status(BUSY, 2));

        // when the ringing callback arrives late
        run.apply(status(RINGING, 1));

        // then busy is published again, unchanged but for the ringing step in its timeline
        assertThat(run.publishedStatuses()).containsExactly(QUEUED, INITIATED, BUSY, BUSY);
        Call corrected = run.published.getLast();
        assertThat(corrected.previousStatus()).isEqualTo(INITIATED);
        assertThat(corrected.changedAt()).isEqualTo(run.published.get(2).changedAt());
        assertThat(statuses(corrected.timeline())).containsExactly(QUEUED, INITIATED, RINGING, BUSY);
    }

    @Test
    void whenInProgressArrivesAfterCompletedThenTheCallStaysCompletedWithACorrectedTimeline() {
        // given a ringing call
        var run = new Run(placed(), status(RINGING, 1));

        // when completed overtakes in-progress
        run.apply(status(COMPLETED, 3, 30), status(IN_PROGRESS, 2));

        // then the call completed once, and a corrected completed snapshot adds the in-progress step
        assertThat(run.publishedStatuses()).containsExactly(QUEUED, RINGING, COMPLETED, COMPLETED);
        assertThat(run.call.status()).isEqualTo(COMPLETED);
        assertThat(run.call.previousStatus()).isEqualTo(RINGING);
        assertThat(run.call.durationSeconds()).isEqualTo(30);
        assertThat(statuses(run.call.timeline())).containsExactly(QUEUED, RINGING, IN_PROGRESS, COMPLETED);
    }

    @Test
    void whenLateRingingIsDeliveredAgainAfterBusyThenNothingChanges() {
        // given a busy call whose late ringing was already added to the timeline
        var run = new Run(placed(), status(INITIATED, 0), status(BUSY, 2), status(RINGING, 1));
        Call corrected = run.call;

        // when the ringing callback is delivered again
        CallUpdate update = machine.apply(corrected, status(RINGING, 1));

        // then
        assertThat(update.changed()).isFalse();
        assertThat(update.publishes()).isFalse();
    }

    @Test
    void whenLateStepIsSequencedAfterTheEndThenItIsIgnored() {
        // given a call that completed as the provider's callback 3
        var run = new Run(placed(), status(RINGING, 1), status(COMPLETED, 3, 30));

        // when an in-progress callback the provider numbered after the end arrives
        CallUpdate update = machine.apply(run.call, status(IN_PROGRESS, 4));

        // then it cannot be a step before the end: nothing changes
        assertThat(update.changed()).isFalse();
    }

    @Test
    void whenBusyArrivesAfterCompletedThenTheCallStaysCompleted() {
        // given a completed call
        var run = new Run(placed(), status(IN_PROGRESS, 2), status(COMPLETED, 3, 12));
        Call completed = run.call;

        // when another terminal status arrives, even one the provider numbered before the end
        CallUpdate later = machine.apply(completed, status(BUSY, 4));
        CallUpdate earlier = machine.apply(completed, status(BUSY, 1));

        // then terminal statuses absorb it
        assertThat(later.changed()).isFalse();
        assertThat(earlier.changed()).isFalse();
        assertThat(later.after()).isEqualTo(completed);
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

        // then it fills in the request, the assistant and the queued step without a status change
        assertThat(placed.publishes()).isTrue();
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
    void whenTerminalCallIsSeenFirstThenThePlacementOnlyCompletesItsHistory() {
        // given a call whose only callback so far is failed
        var run = new Run(status(CallStatus.FAILED, 0, 0));

        // when the dialer's CallPlaced arrives, then again
        run.apply(placed(), placed());

        // then the call stays failed; one corrected snapshot adds the queued step and what the dialer knows
        assertThat(run.publishedStatuses()).containsExactly(CallStatus.FAILED, CallStatus.FAILED);
        assertThat(run.call.previousStatus()).isNull();
        assertThat(run.call.durationSeconds()).isZero();
        assertThat(run.call.requestId()).isEqualTo("req-1");
        assertThat(statuses(run.call.timeline())).containsExactly(QUEUED, CallStatus.FAILED);
    }

    @Test
    void whenAFactIsAboutAnotherAccountsCallWithTheSameCallIdThenItCannotChangeThisCall() {
        // given acme's ringing call
        var run = new Run(placed(), status(RINGING, 1));

        // when account B's completed callback for the same CallSid is applied to it
        var forged = CallFacts.status(CallFacts.sameCallIdOf("account-b"), COMPLETED, 3, 86_400);

        // then the machine refuses: a fact only ever changes the call of its own key
        assertThatThrownBy(() -> machine.apply(run.call, forged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account-b");
        assertThat(machine.apply(null, forged).after().accountId()).isEqualTo("account-b");
    }

    @Test
    void whenLaterFactsFillInTheCallThenItsKeyAndAccountNeverChange() {
        // given a call created by its first status callback, when the placement and more callbacks follow
        var run = new Run(status(INITIATED, 0), placed(), inbound(), status(COMPLETED, 3, 9));

        // then the call is still the one its first fact named
        assertThat(run.published).extracting(Call::key).containsOnly(CallFacts.KEY);
    }

    @Test
    void whenWhoAnsweredIsDetectedThenItIsRecordedAndPublishedWithTheStatusUnchanged() {
        // given an answered call
        var run = new Run(placed(), status(RINGING, 1), status(IN_PROGRESS, 2));
        Call answered = run.call;

        // when the provider's detection says a machine answered
        CallUpdate update = machine.apply(answered, CallFacts.detected("machine_end_beep"));

        // then only who answered changed, and it is news
        assertThat(update.after().answeredBy()).isEqualTo("machine_end_beep");
        assertThat(update.publishes()).isTrue();
        assertThat(update.statusChanged()).isFalse();
        assertThat(update.finishesRequest()).isFalse();
        assertThat(update.after())
                .usingRecursiveComparison()
                .ignoringFields("answeredBy")
                .isEqualTo(answered);
    }

    @Test
    void whenTheDetectionIsRepeatedOrContradictedThenNothingChanges() {
        // given a call whose detection is known
        var run = new Run(placed(), status(IN_PROGRESS, 2));
        Call known = machine.apply(run.call, CallFacts.detected("human")).after();

        // when / then the same detection again, or another answer, changes nothing: the first one stands
        assertThat(machine.apply(known, CallFacts.detected("human")).changed()).isFalse();
        assertThat(machine.apply(known, CallFacts.detected("machine_start")).changed())
                .isFalse();
        assertThat(known.answeredBy()).isEqualTo("human");
    }

    @Test
    void whenTheDetectionComesAfterTheCallEndedThenTheEndedCallRecordsItAndStaysEnded() {
        // given a call that already completed (a short call: detection can take longer than it)
        var run = new Run(placed(), status(IN_PROGRESS, 2), status(COMPLETED, 3, 9));

        // when the detection arrives
        CallUpdate update = machine.apply(run.call, CallFacts.detected("machine_end_silence"));

        // then the terminal snapshot is published again with it, ended as before
        assertThat(update.publishes()).isTrue();
        assertThat(update.after().status()).isEqualTo(COMPLETED);
        assertThat(update.after().durationSeconds()).isEqualTo(9);
        assertThat(update.after().previousStatus()).isEqualTo(IN_PROGRESS);
        assertThat(update.after().answeredBy()).isEqualTo("machine_end_silence");
    }

    @Test
    void whenLaterFactsArriveThenWhoAnsweredIsKept() {
        // given an answered call whose detection is known
        var run = new Run(placed(), status(IN_PROGRESS, 2));
        run.call = machine.apply(run.call, CallFacts.detected("human")).after();
        run.published.clear();

        // when it completes, a late step fills its timeline and the placement is heard again
        run.apply(status(COMPLETED, 3, 30), status(RINGING, 1), placed());

        // then every later snapshot carries it
        assertThat(run.published)
                .hasSize(2)
                .allSatisfy(call -> assertThat(call.answeredBy()).isEqualTo("human"));
        assertThat(run.call.answeredBy()).isEqualTo("human");
    }

    @Test
    void whenADetectionNamesAnotherCallThenItIsRefused() {
        var run = new Run(placed());
        var ofAnotherAccount = new AnsweringMachineFact(CallFacts.sameCallIdOf("account-b"), "human", CallFacts.T0);

        assertThatThrownBy(() -> machine.apply(run.call, ofAnotherAccount))
                .isInstanceOf(IllegalArgumentException.class);
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
                if (update.publishes()) {
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
