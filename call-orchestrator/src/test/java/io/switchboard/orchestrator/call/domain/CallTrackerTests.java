package io.switchboard.orchestrator.call.domain;

import static io.switchboard.events.call.CallStatus.BUSY;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.INITIATED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.call.CallTransition;
import io.switchboard.testsupport.InMemoryTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallTrackerTests {

    private final CallStore store = new CallStore(100);
    private final List<Call> published = new ArrayList<>();
    private final InMemoryTransaction transaction = new InMemoryTransaction();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Call> finished = new ArrayList<>();
    private boolean brokerDown;
    private boolean outcomesDown;
    private final CallTracker tracker = new CallTracker(
            store,
            (partition, call) -> {
                if (brokerDown) {
                    throw new IllegalStateException("broker down");
                }
                published.add(call);
            },
            call -> {
                if (outcomesDown) {
                    throw new IllegalStateException("call-outcomes.v1 unavailable");
                }
                finished.add(call);
            },
            transaction,
            new CallMetrics(registry, store));

    @BeforeEach
    void holdPartition() {
        store.assign(0, store.newPartition());
    }

    @Test
    void whenStatusChangesThenSnapshotIsPublishedAndCountedOnCommit() {
        // when a call is placed and rings, each in its own committed transaction
        apply(CallFacts.placed());
        apply(CallFacts.status(RINGING, 1));

        // then both snapshots were published and counted
        assertThat(published).extracting(Call::status).containsExactly(QUEUED, RINGING);
        assertThat(registry.counter("switchboard.calls.transitions", "status", "ringing", "direction", "outbound")
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("switchboard.calls.in.memory").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void whenALateStepFillsTheTimelineThenACorrectedSnapshotIsPublishedButNoTransitionCounted() {
        // given a call created by its first status callback
        apply(CallFacts.status(INITIATED, 0));

        // when the CallPlaced arrives after it
        apply(CallFacts.placed());

        // then initiated is published again with the queued step and the request, and counted once
        assertThat(published).extracting(Call::status).containsExactly(INITIATED, INITIATED);
        assertThat(published.getLast().requestId()).isEqualTo("req-1");
        assertThat(published.getLast().timeline())
                .extracting(CallTransition::status)
                .containsExactly(QUEUED, INITIATED);
        assertThat(registry.counter("switchboard.calls.transitions", "status", "initiated", "direction", "outbound")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void whenOnlyFieldsAreFilledInThenNothingIsPublishedButTheStoreKeepsThem() {
        // given a ringing call created by a status callback, which names no assistant
        apply(CallFacts.status(RINGING, 1));

        // when the inbound call event, which does, arrives after it
        apply(CallFacts.inbound());

        // then only the first snapshot was published, and the store knows the assistant
        assertThat(published).extracting(Call::status).containsExactly(RINGING);
        assertThat(store.find(0, CallFacts.KEY))
                .get()
                .extracting(Call::assistantId)
                .isEqualTo("sales");
    }

    @Test
    void whenPublishingACorrectionFailsThenTheRedeliveredStepIsAppliedAgain() {
        // given a busy call
        apply(CallFacts.status(BUSY, 2));

        // when its late ringing step cannot be published, then is redelivered
        brokerDown = true;
        assertThatThrownBy(() -> apply(CallFacts.status(RINGING, 1))).isInstanceOf(IllegalStateException.class);
        brokerDown = false;
        apply(CallFacts.status(RINGING, 1));

        // then the corrected busy snapshot is published once the broker takes it
        assertThat(published).extracting(Call::status).containsExactly(BUSY, BUSY);
        assertThat(published.getLast().timeline())
                .extracting(CallTransition::status)
                .containsExactly(RINGING, BUSY);
    }

    @Test
    void whenPublishingFailsThenTheTransactionRollsBackAndTheStoreIsAsBefore() {
        // given a queued call
        apply(CallFacts.placed());
        Call queued = store.find(0, CallFacts.KEY).orElseThrow();

        // when ringing cannot be published
        brokerDown = true;
        assertThatThrownBy(() -> apply(CallFacts.status(RINGING, 1))).isInstanceOf(IllegalStateException.class);

        // then the store still holds the queued call, so the redelivered record publishes ringing
        assertThat(store.find(0, CallFacts.KEY)).contains(queued);
        brokerDown = false;
        apply(CallFacts.status(RINGING, 1));
        assertThat(published).extracting(Call::status).containsExactly(QUEUED, RINGING);
    }

    @Test
    void whenARequestedCallEndsThenItsRequestFinishesOnceWithTheTerminalSnapshot() {
        // when a placed call completes, then hears its completion again, a late step, and a later terminal status
        apply(CallFacts.placed());
        apply(CallFacts.status(RINGING, 1));
        apply(CallFacts.status(IN_PROGRESS, 2));
        apply(CallFacts.status(COMPLETED, 3, 42));
        apply(CallFacts.status(COMPLETED, 3, 42));
        apply(CallFacts.status(INITIATED, 0));
        apply(CallFacts.status(BUSY, 4));

        // then the request finished once, with the first completed snapshot: its status and duration
        assertThat(finished).singleElement().satisfies(call -> {
            assertThat(call).isEqualTo(published.get(3));
            assertThat(call.requestId()).isEqualTo("req-1");
            assertThat(call.status()).isEqualTo(COMPLETED);
            assertThat(call.durationSeconds()).isEqualTo(42);
        });
        assertThat(published)
                .extracting(Call::status)
                .containsExactly(QUEUED, RINGING, IN_PROGRESS, COMPLETED, COMPLETED);
    }

    @Test
    void whenTheCallEndsBeforeItsPlacementIsHeardThenTheRequestFinishesWithThePlacement() {
        // given a call that a busy callback created and ended, without its request
        apply(CallFacts.status(BUSY, 2));
        assertThat(finished).isEmpty();

        // when the dialer's CallPlaced arrives after it, twice
        apply(CallFacts.placed());
        apply(CallFacts.placed());

        // then the corrected busy snapshot, the first that names the request, finishes it once
        assertThat(published).extracting(Call::status).containsExactly(BUSY, BUSY);
        assertThat(finished).singleElement().satisfies(call -> {
            assertThat(call).isEqualTo(published.getLast());
            assertThat(call.requestId()).isEqualTo("req-1");
            assertThat(call.status()).isEqualTo(BUSY);
        });
    }

    @Test
    void whenACallOfNoRequestEndsThenNoRequestFinishes() {
        // when an inbound call and a call nobody requested through the dialer end
        apply(CallFacts.inbound());
        apply(CallFacts.status(COMPLETED, 3, 12));
        apply(CallFacts.status(CallFacts.sameCallIdOf("account-b"), COMPLETED, 3, 5));

        // then
        assertThat(published).extracting(Call::status).containsExactly(RINGING, COMPLETED, COMPLETED);
        assertThat(finished).isEmpty();
    }

    @Test
    void whenTheOutcomeCannotBePublishedThenTheTransactionRollsBackAndTheRedeliveryFinishesTheRequest() {
        // given a requested call in progress
        apply(CallFacts.placed());
        apply(CallFacts.status(IN_PROGRESS, 2));
        Call inProgress = store.find(0, CallFacts.KEY).orElseThrow();

        // when its completion's outcome cannot be published, then the record is redelivered
        outcomesDown = true;
        assertThatThrownBy(() -> apply(CallFacts.status(COMPLETED, 3, 42))).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(0, CallFacts.KEY)).contains(inProgress);
        outcomesDown = false;
        apply(CallFacts.status(COMPLETED, 3, 42));

        // then the request finished with the redelivered record
        assertThat(finished).singleElement().extracting(Call::status).isEqualTo(COMPLETED);
    }

    @Test
    void whenEvictedCallGetsALateDuplicateThenItIsNotCreatedAgain() {
        // given a call that ended and was evicted
        apply(CallFacts.status(COMPLETED, 3, 9));
        store.evictTerminalBefore(CallFacts.T0.plus(Duration.ofHours(2)));

        // when a late duplicate arrives
        apply(CallFacts.status(CallStatus.COMPLETED, 3, 9));
        apply(CallFacts.status(RINGING, 1));

        // then nothing new is published and no call is in memory
        assertThat(published).extracting(Call::status).containsExactly(COMPLETED);
        assertThat(store.size()).isZero();
    }

    @Test
    void whenAnotherAccountsCompletedArrivesFirstForTheSameCallIdThenItIsItsOwnCallAndThisOneIsAsWithoutIt() {
        // given account B's own, correctly signed callback naming acme's CallSid: completed, a day long
        CallKey ofB = CallFacts.sameCallIdOf("account-b");

        // when it arrives before any of acme's events, then acme's call runs its course
        apply(CallFacts.status(ofB, COMPLETED, 3, 86_400));
        apply(CallFacts.placed());
        apply(CallFacts.status(RINGING, 1));
        apply(CallFacts.status(IN_PROGRESS, 2));
        apply(CallFacts.status(COMPLETED, 3, 42));

        // then acme's call has exactly the history it has without the forged callback
        assertThat(publishedFor(CallFacts.KEY)).isEqualTo(withoutForgery());
        assertThat(store.find(0, CallFacts.KEY)).get().satisfies(call -> {
            assertThat(call.accountId()).isEqualTo("acme");
            assertThat(call.durationSeconds()).isEqualTo(42);
            assertThat(call.previousStatus()).isEqualTo(IN_PROGRESS);
        });
        // and B's callback made B's call, of B's account, and nothing else
        assertThat(publishedFor(ofB)).singleElement().satisfies(call -> {
            assertThat(call.accountId()).isEqualTo("account-b");
            assertThat(call.status()).isEqualTo(COMPLETED);
        });
    }

    @Test
    void whenAnotherAccountsCompletedArrivesAfterTheCallEndedThenThisCallIsAsWithoutIt() {
        // given acme's call, completed after 42 s
        apply(CallFacts.placed());
        apply(CallFacts.status(RINGING, 1));
        apply(CallFacts.status(IN_PROGRESS, 2));
        apply(CallFacts.status(COMPLETED, 3, 42));

        // when account B reports the same CallSid completed, a day long, twice
        CallKey ofB = CallFacts.sameCallIdOf("account-b");
        apply(CallFacts.status(ofB, COMPLETED, 3, 86_400));
        apply(CallFacts.status(ofB, COMPLETED, 3, 86_400));

        // then acme's call and its snapshots are exactly those without it
        assertThat(publishedFor(CallFacts.KEY)).isEqualTo(withoutForgery());
        assertThat(store.find(0, CallFacts.KEY))
                .get()
                .extracting(Call::durationSeconds)
                .isEqualTo(42);
        assertThat(publishedFor(ofB)).hasSize(1);
    }

    /** What acme's call publishes for placed, ringing, in-progress, completed (42 s) on a tracker of its own. */
    private List<Call> withoutForgery() {
        var alone = new CallStore(100);
        alone.assign(0, alone.newPartition());
        var snapshots = new ArrayList<Call>();
        var own = new CallTracker(
                alone,
                (partition, call) -> snapshots.add(call),
                call -> {},
                transaction,
                new CallMetrics(new SimpleMeterRegistry(), alone));
        for (CallFact fact : List.of(
                CallFacts.placed(),
                CallFacts.status(RINGING, 1),
                CallFacts.status(IN_PROGRESS, 2),
                CallFacts.status(COMPLETED, 3, 42))) {
            transaction.run(() -> own.apply(0, fact));
        }
        return snapshots;
    }

    @Test
    void whenWhoAnsweredIsDetectedThenTheCallsSnapshotIsPublishedAgainWithItOnceAndNoTransitionCounted() {
        // given an answered call
        apply(CallFacts.placed());
        apply(CallFacts.status(IN_PROGRESS, 2));

        // when the detection arrives, then again (a redelivery)
        detect(CallFacts.detected("machine_end_beep"));
        detect(CallFacts.detected("machine_end_beep"));

        // then one snapshot recorded it, with the status as it was
        assertThat(published).extracting(Call::status).containsExactly(QUEUED, IN_PROGRESS, IN_PROGRESS);
        assertThat(published).extracting(Call::answeredBy).containsExactly(null, null, "machine_end_beep");
        assertThat(store.find(0, CallFacts.KEY).orElseThrow().answeredBy()).isEqualTo("machine_end_beep");
        assertThat(registry.counter("switchboard.calls.transitions", "status", "in-progress", "direction", "outbound")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void whenTheDetectionComesBeforeTheCallsFirstStatusThenNothingIsPublishedUntilTheCallStartsKnowingIt() {
        // when the detection overtakes every other event of the call
        detect(CallFacts.detected("human"));

        // then nothing is published: a snapshot needs a status
        assertThat(published).isEmpty();
        assertThat(store.find(0, CallFacts.KEY)).isEmpty();

        // and the call's first fact creates it knowing who answered, as every later snapshot does
        apply(CallFacts.status(IN_PROGRESS, 2));
        apply(CallFacts.placed());
        apply(CallFacts.status(COMPLETED, 3, 12));
        assertThat(published).extracting(Call::status).containsExactly(IN_PROGRESS, IN_PROGRESS, COMPLETED);
        assertThat(published).extracting(Call::answeredBy).containsOnly("human");
        assertThat(store.heldDetection(0, CallFacts.KEY)).isEmpty();
        assertThat(finished).singleElement().extracting(Call::answeredBy).isEqualTo("human");
    }

    @Test
    void
            whenTheDetectionComesAfterTheCallEndedThenTheTerminalSnapshotIsPublishedAgainWithoutFinishingTheRequestAgain() {
        // given a requested call that completed
        apply(CallFacts.placed());
        apply(CallFacts.status(IN_PROGRESS, 2));
        apply(CallFacts.status(COMPLETED, 3, 9));

        // when the detection arrives late
        detect(CallFacts.detected("machine_end_other"));

        // then the ended call is published again with it, and its request finished once, earlier
        assertThat(published).extracting(Call::status).containsExactly(QUEUED, IN_PROGRESS, COMPLETED, COMPLETED);
        assertThat(published.getLast().answeredBy()).isEqualTo("machine_end_other");
        assertThat(published.getLast().durationSeconds()).isEqualTo(9);
        assertThat(finished).singleElement().extracting(Call::answeredBy).isNull();
    }

    @Test
    void whenPublishingTheDetectionFailsThenTheStoreIsAsBeforeAndTheRedeliveryRecordsIt() {
        // given an answered call
        apply(CallFacts.placed());
        apply(CallFacts.status(IN_PROGRESS, 2));
        Call answered = store.find(0, CallFacts.KEY).orElseThrow();

        // when its detection cannot be published
        brokerDown = true;
        assertThatThrownBy(() -> detect(CallFacts.detected("human"))).isInstanceOf(IllegalStateException.class);

        // then the store is as before, so the redelivered detection is not taken for a repeat
        assertThat(store.find(0, CallFacts.KEY)).contains(answered);
        brokerDown = false;
        detect(CallFacts.detected("human"));
        assertThat(published).extracting(Call::answeredBy).containsExactly(null, null, "human");
    }

    @Test
    void whenTheFirstSnapshotOfACallWithAHeldDetectionFailsThenTheDetectionIsHeldAgain() {
        // given a detection held for a call not yet known
        detect(CallFacts.detected("human"));

        // when the call's first snapshot cannot be published
        brokerDown = true;
        assertThatThrownBy(() -> apply(CallFacts.placed())).isInstanceOf(IllegalStateException.class);

        // then the detection waits again, and the redelivered placement creates the call with it
        assertThat(store.find(0, CallFacts.KEY)).isEmpty();
        assertThat(store.heldDetection(0, CallFacts.KEY)).contains(CallFacts.detected("human"));
        brokerDown = false;
        apply(CallFacts.placed());
        assertThat(published).singleElement().extracting(Call::answeredBy).isEqualTo("human");
    }

    @Test
    void whenHoldingADetectionRollsBackThenItIsForgotten() {
        // when the transaction that held a detection rolls back (a failure after it, before the commit)
        assertThatThrownBy(() -> transaction.run(() -> {
                    tracker.apply(0, CallFacts.detected("human"));
                    throw new IllegalStateException("injected failure before the commit");
                }))
                .isInstanceOf(IllegalStateException.class);

        // then it is not held: the redelivered record holds it again
        assertThat(store.heldDetection(0, CallFacts.KEY)).isEmpty();
        detect(CallFacts.detected("human"));
        assertThat(store.heldDetection(0, CallFacts.KEY)).isPresent();
    }

    @Test
    void whenAHeldDetectionsCallNeverShowsUpThenItIsForgottenAfterTheRetention() {
        // given a detection held since T0 + 60 s
        detect(CallFacts.detected("human"));

        // when / then eviction keeps it until the cutoff passes it
        assertThat(store.evictDetectionsBefore(CallFacts.T0)).isZero();
        assertThat(store.evictDetectionsBefore(CallFacts.T0.plus(Duration.ofHours(1))))
                .isEqualTo(1);
        assertThat(store.heldDetection(0, CallFacts.KEY)).isEmpty();
    }

    @Test
    void whenAnEvictedCallGetsALateDetectionThenNothingHappens() {
        // given a call that ended and was evicted
        apply(CallFacts.placed());
        apply(CallFacts.status(COMPLETED, 3, 5));
        store.evictTerminalBefore(CallFacts.T0.plus(Duration.ofDays(1)));
        int before = published.size();

        // when its detection comes after that
        detect(CallFacts.detected("human"));

        // then it neither recreates the call nor waits for it
        assertThat(published).hasSize(before);
        assertThat(store.find(0, CallFacts.KEY)).isEmpty();
        assertThat(store.heldDetection(0, CallFacts.KEY)).isEmpty();
    }

    private void detect(AnsweringMachineFact detection) {
        transaction.run(() -> tracker.apply(0, detection));
    }

    private List<Call> publishedFor(CallKey key) {
        return published.stream().filter(call -> call.key().equals(key)).toList();
    }

    private void apply(CallFact fact) {
        transaction.run(() -> tracker.apply(0, fact));
    }
}
