package io.switchboard.dialer.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.switchboard.dialer.pacing.config.PacingProperties;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.request.CallRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PacingGroupTests {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final String GROUP = "twilio/AC-acme";
    private static final String FROM = "+14155550123";
    private static final PacingProperties.Backoff BACKOFF =
            new PacingProperties.Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
    /** Limits that only the concurrent calls make a difference to. */
    private static final double FAST = 1_000;

    private final MutableClock clock = new MutableClock(T0);

    // --- records

    @Test
    void whenARecordIsReadTwiceThenItCountsOnce() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");

        group.apply(queued);
        group.apply(queued);
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(1, 0, 0));

        QueuedCallRecorded dialing = queued.dialing(1, T0);
        group.apply(dialing);
        group.apply(dialing);
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 1, 0));

        QueuedCallRecorded placed = queued.placed(1, "CA1", T0.plusSeconds(600), T0);
        group.apply(placed);
        group.apply(placed);
        group.apply(dialing);
        group.apply(queued);
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 1));

        QueuedCallRecorded ended = ended("r1", "CA1");
        group.apply(ended);
        group.apply(dialing);
        group.apply(placed);
        group.apply(ended);
        assertThat(group.progress())
                .as("a placement read again after its end takes no slot")
                .isEqualTo(new PacingGroup.Progress(0, 0, 0));
        assertThat(group.release()).isEmpty();
    }

    @Test
    void whenAStepIsOfAnEarlierAttemptThenItIsNotAppliedAgain() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.dialing(1, T0));
        group.apply(queued.deferred(1, "throttled", T0, T0));
        group.apply(queued.dialing(2, T0));
        group.apply(queued.deferred(2, "throttled", T0.plusSeconds(5), T0));

        group.apply(queued.dialing(1, T0));
        group.apply(queued.deferred(1, "throttled", T0, T0));

        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(1, 0, 0));
        assertThat(group.release())
                .as("attempt 1 read again changes neither the attempt nor when it may go")
                .isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(group.release())
                .singleElement()
                .extracting(PacingGroup.Release::attempt)
                .isEqualTo(3);
    }

    @Test
    void whenARequestIsRejectedThenItIsNoLongerWaitingOrDialed() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded waiting = queued("r1", "+14155550101");
        QueuedCallRecorded dialed = queued("r2", "+14155550102");
        group.apply(waiting);
        group.apply(dialed);
        group.apply(dialed.dialing(1, T0));

        group.apply(waiting.rejected(0, "expired", T0));
        group.apply(dialed.rejected(1, "Twilio error 21211", T0));

        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 0));
        assertThat(group.release()).isEmpty();
    }

    // --- concurrent calls

    @Test
    void whenEveryConcurrentSlotIsTakenThenNothingIsReleasedUntilACallEnds() {
        var group = group(FAST, 2, FAST);
        QueuedCallRecorded first = queued("r1", "+14155550101");
        group.apply(first);
        group.apply(queued("r2", "+14155550102"));
        group.apply(queued("r3", "+14155550103"));
        group.apply(first.placed(1, "CA1", T0.plusSeconds(600), T0));

        assertThat(requestIds(group.release())).containsExactly("r2");
        clock.advance(Duration.ofSeconds(1));
        assertThat(group.release()).as("one placed call and one being dialed").isEmpty();

        group.apply(ended("r1", "CA1"));

        assertThat(requestIds(group.release())).containsExactly("r3");
    }

    @Test
    void whenAPlacedCallOutlivesItsSlotWithoutEndingThenItsSlotIsFreed() {
        var group = group(FAST, 1, FAST);
        QueuedCallRecorded first = queued("r1", "+14155550101");
        group.apply(first);
        group.apply(queued("r2", "+14155550102"));
        group.apply(first.placed(1, "CA1", T0.plusSeconds(60), T0));

        assertThat(group.release()).isEmpty();
        assertThat(group.untilNextRelease()).as("nothing frees a slot sooner").isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(group.release()).as("held until its slot ends").isEmpty();
        clock.advanceNanos(1);

        assertThat(requestIds(group.release())).containsExactly("r2");
        assertThat(group.placedCalls())
                .as("its call is still not to be adopted by another request")
                .contains("CA1");
    }

    // --- rates

    @Test
    void whenTheAccountsRateIsTakenThenTheNextRequestWaitsItsSpacing() {
        var group = group(1, 10, FAST);
        group.apply(queued("r1", "+14155550101"));
        group.apply(queued("r2", "+12125550102"));
        group.apply(queued("r3", "+13125550103"));

        assertThat(requestIds(group.release())).containsExactly("r1");
        assertThat(group.release()).as("at the same instant").isEmpty();
        assertThat(group.untilNextRelease()).isEqualTo(Duration.ofMillis(1025));

        clock.advance(Duration.ofMillis(1025).minusNanos(1));
        assertThat(group.release()).isEmpty();
        clock.advanceNanos(1);
        assertThat(requestIds(group.release())).containsExactly("r2");
    }

    @Test
    void whenAnAreaCodeIsAtItsRateThenARequestToAnotherGoesAheadOfItsNextRequest() {
        var group = group(10, 10, 1);
        group.apply(queued("r1", "+14155550101"));
        group.apply(queued("r2", "+14155550102"));
        group.apply(queued("r3", "+12125550103"));

        assertThat(requestIds(group.release())).containsExactly("r1");
        clock.advance(Duration.ofMillis(110));
        assertThat(requestIds(group.release()))
                .as("+1415 waits for its rate; +1212 need not wait behind it")
                .containsExactly("r3");
        clock.advance(Duration.ofMillis(110));
        assertThat(group.release()).isEmpty();
        assertThat(group.untilNextRelease())
                .as("what is left waits for its area code")
                .isEqualTo(Duration.ofMillis(1025 - 110 - 110));

        clock.advance(group.untilNextRelease());
        assertThat(requestIds(group.release())).containsExactly("r2");
    }

    @Test
    void whenNothingLimitsThenTheNextReleaseIsNowAndWhenNothingWaitsItIsFarOff() {
        var group = group(1, 10, FAST);
        assertThat(group.untilNextRelease()).isGreaterThan(Duration.ofDays(1));

        group.apply(queued("r1", "+14155550101"));
        assertThat(group.untilNextRelease()).isZero();

        group.release();
        assertThat(group.untilNextRelease()).as("nothing else waits").isGreaterThan(Duration.ofDays(1));
        group.apply(queued("r2", "+14155550102"));
        assertThat(group.untilNextRelease())
                .as("the rate is the limit")
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMillis(1025));
    }

    @Test
    void whenTheTurnIsTakenThenTheNextSenderWaitsForTheRateAtThatInstant() throws Exception {
        var group = group(1, 10, FAST);
        group.awaitTurn("+14155550101");

        var next = CompletableFuture.runAsync(() -> {
            try {
                group.awaitTurn("+12125550102");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        // A second send in the same instant stays waiting.
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !next.isDone());
        clock.advance(Duration.ofMillis(1025));
        next.get(5, TimeUnit.SECONDS);
    }

    // --- deferred requests and a throttled account

    @Test
    void whenARequestIsDeferredThenItWaitsUntilItsTimeAndKeepsItsAttempts() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.dialing(1, T0));
        group.apply(queued.deferred(1, "Twilio unreachable", T0.plusSeconds(5), T0));

        assertThat(group.release()).isEmpty();
        assertThat(group.untilNextRelease()).isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));

        assertThat(group.release()).singleElement().satisfies(release -> {
            assertThat(release.attempt()).isEqualTo(2);
            assertThat(release.reconcile()).isFalse();
            assertThat(release.since()).isEqualTo(clock.instant());
            assertThat(release.queued()).isEqualTo(queued);
        });
    }

    @Test
    void whenARequestIsDeferredThenItKeepsItsPlaceAheadOfTheOnesQueuedAfterIt() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded first = queued("r1", "+14155550101");
        group.apply(first);
        group.apply(queued("r2", "+12125550102"));
        group.apply(first.dialing(1, T0));
        group.apply(first.deferred(1, "Twilio unreachable", T0, T0));

        assertThat(requestIds(group.release())).containsExactly("r1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(requestIds(group.release())).containsExactly("r2");
    }

    @Test
    void whenADeferredRequestWaitsForItsTimeThenTheOnesBehindItGoAhead() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded first = queued("r1", "+14155550101");
        group.apply(first);
        group.apply(queued("r2", "+12125550102"));
        group.apply(first.dialing(1, T0));
        group.apply(first.deferred(1, "Twilio unreachable", T0.plusSeconds(5), T0));

        assertThat(requestIds(group.release())).containsExactly("r2");
    }

    @Test
    void whenTheProviderThrottlesTheAccountThenNothingIsReleasedUntilTheBackoffEndsAndItDoublesOnRepeat() {
        var group = group(FAST, 10, FAST);
        group.apply(queued("r1", "+14155550101"));
        group.apply(queued("r2", "+12125550102"));

        assertThat(group.throttled()).isEqualTo(T0.plusSeconds(1));
        assertThat(group.release()).isEmpty();
        assertThat(group.untilNextRelease()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1).minusNanos(1));
        assertThat(group.release()).isEmpty();
        clock.advanceNanos(1);
        assertThat(requestIds(group.release())).containsExactly("r1");

        Instant second = group.throttled();
        assertThat(second)
                .as("again in a row: twice as long")
                .isEqualTo(clock.instant().plusSeconds(2));
        clock.advance(Duration.ofSeconds(1));
        assertThat(group.release()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(requestIds(group.release())).containsExactly("r2");
    }

    @Test
    void whenTheProviderTakesACallThenTheNextThrottleStartsOverFromTheInitialPause() {
        var group = group(FAST, 10, FAST);
        group.throttled();
        group.throttled();
        clock.advance(Duration.ofSeconds(10));

        group.tookCall();

        assertThat(group.throttled()).isEqualTo(clock.instant().plusSeconds(1));
    }

    @Test
    void whenTheAccountIsThrottledAgainBeforeItsPauseEndsThenThePauseIsNotShortened() {
        var group = group(FAST, 10, FAST);
        group.throttled();
        group.throttled();
        group.tookCall();

        assertThat(group.throttled())
                .as("a dial that ended meanwhile does not cut the pause short")
                .isEqualTo(T0.plusSeconds(2));
    }

    // --- requests in doubt

    @Test
    void whenADialingStepIsReadWithNoOneHereDialingThenItIsReleasedToBeReconciled() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.dialing(1, T0.minusSeconds(3)));

        assertThat(group.release()).singleElement().satisfies(release -> {
            assertThat(release.reconcile()).isTrue();
            assertThat(release.attempt()).isEqualTo(1);
            assertThat(release.since())
                    .as("when its dialing began, for the provider's listing")
                    .isEqualTo(T0.minusSeconds(3));
            assertThat(release.queued()).isEqualTo(queued);
            assertThat(release.group()).isSameAs(group);
        });
        assertThat(group.release()).as("while it is reconciled here").isEmpty();
    }

    @Test
    void whenAReconciliationIsAbandonedThenItComesBackASecondLater() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.dialing(1, T0));
        group.release();

        group.abandoned("acme", "r1");

        assertThat(group.release()).isEmpty();
        assertThat(group.untilNextRelease()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(group.release()).singleElement().satisfies(release -> {
            assertThat(release.reconcile()).isTrue();
            assertThat(release.since()).isEqualTo(T0);
        });
    }

    @Test
    void whenAReconciliationIsPutOffThenItComesBackThenAndTheDialStillTakesItsSlot() {
        var group = group(FAST, 1, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued("r2", "+12125550102"));
        group.apply(queued.dialing(1, T0));
        group.release();

        group.reconcileAt("acme", "r1", T0.plusSeconds(10));

        assertThat(group.release()).as("the only slot is the dial's in doubt").isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(group.release())
                .singleElement()
                .extracting(PacingGroup.Release::reconcile)
                .isEqualTo(true);
    }

    @Test
    void whenThePacingIsPausedThenRequestsInDoubtAreStillReconciled() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.dialing(1, T0));
        group.apply(queued("r2", "+12125550102"));
        group.throttled();

        assertThat(group.release())
                .as("asking for its call list is no new call")
                .singleElement()
                .satisfies(release -> {
                    assertThat(release.queued().requestId()).isEqualTo("r1");
                    assertThat(release.reconcile()).isTrue();
                });
    }

    @Test
    void whenALongCallEndsThenItIsStillKnownAsPlacedForAnHourAfterItsSlotIsFree() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.placed(1, "CA1", T0.plusSeconds(4 * 3600), T0));
        clock.advance(Duration.ofHours(2));

        group.apply(ended("r1", "CA1"));

        assertThat(group.placedCalls())
                .as("a request in doubt may still find it in the provider's list")
                .containsExactly("CA1");
        clock.advance(Duration.ofHours(1));
        assertThat(group.placedCalls()).containsExactly("CA1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(group.placedCalls()).isEmpty();
    }

    @Test
    void whenALongCallOutlivesItsSlotThenItIsStillKnownAsPlacedForAnHourAfterItsSlotIsFreed() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.placed(1, "CA1", T0.plusSeconds(7200), T0));
        clock.advance(Duration.ofSeconds(7201));

        group.release();

        assertThat(group.progress().placed()).isZero();
        assertThat(group.placedCalls()).containsExactly("CA1");
    }

    @Test
    void whenCallsArePlacedThenTheyAreKnownAsPlacedUntilAnHourAfterTheirSlotIsFree() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded first = queued("r1", "+14155550101");
        QueuedCallRecorded second = queued("r2", "+12125550102");
        group.apply(first);
        group.apply(second);
        group.apply(first.placed(1, "CA1", T0.plusSeconds(600), T0));
        group.apply(second.placed(1, "CA2", T0.plusSeconds(600), T0));
        group.apply(ended("r2", "CA2"));

        assertThat(group.placedCalls()).containsExactlyInAnyOrder("CA1", "CA2");

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(group.placedCalls())
                .as("CA1 never ended: it still holds its slot")
                .containsExactly("CA1");
    }

    // --- cancelled requests

    @Test
    void whenAWaitingRequestIsCancelledThenItIsReleasedAtOnceThoughTheRateAndEverySlotAreTaken() {
        var group = group(1, 1, FAST);
        QueuedCallRecorded first = queued("r1", "+14155550101");
        group.apply(first);
        group.apply(queued("r2", "+12125550102"));
        assertThat(requestIds(group.release())).containsExactly("r1");
        group.apply(first.placed(1, "CA1", T0.plusSeconds(600), T0));
        assertThat(group.untilNextRelease()).as("the only slot is taken").isEqualTo(Duration.ofSeconds(600));

        group.apply(cancelled("r2"));

        assertThat(group.untilNextRelease()).isZero();
        assertThat(group.release()).singleElement().satisfies(release -> {
            assertThat(release.queued().requestId()).isEqualTo("r2");
            assertThat(release.cancelled()).isEqualTo("cancelled by ops@acme");
            assertThat(release.reconcile()).as("it was never sent").isFalse();
            assertThat(release.attempt()).isEqualTo(1);
        });
        assertThat(group.untilNextRelease()).as("nothing waits any more").isPositive();
        assertThat(group.progress())
                .as("it counts as being dialed until its rejection is read")
                .isEqualTo(new PacingGroup.Progress(0, 1, 1));
    }

    @Test
    void whenAWaitingRequestIsCancelledWhileTheAccountIsThrottledThenItIsStillReleasedAtOnce() {
        var group = group(FAST, 10, FAST);
        group.apply(queued("r1", "+14155550101"));
        group.apply(queued("r2", "+12125550102"));
        group.throttled();
        assertThat(group.untilNextRelease()).isEqualTo(Duration.ofSeconds(1));

        group.apply(cancelled("r2"));

        assertThat(group.untilNextRelease()).as("rejecting it is no call").isZero();
        assertThat(group.release()).singleElement().satisfies(release -> {
            assertThat(release.queued().requestId()).isEqualTo("r2");
            assertThat(release.cancelled()).isEqualTo("cancelled by ops@acme");
        });
        assertThat(group.untilNextRelease())
                .as("the one left waits for the pause to end")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void whenACancelledRequestsRejectionIsAbandonedThenItComesBackToBeRejectedNotReconciled() {
        var group = group(FAST, 10, FAST);
        group.apply(queued("r1", "+14155550101"));
        group.apply(cancelled("r1"));
        group.release();

        group.abandoned("acme", "r1");
        clock.advance(PacingGroup.RECONCILE_AGAIN_AFTER);

        assertThat(group.release()).singleElement().satisfies(release -> {
            assertThat(release.cancelled()).isEqualTo("cancelled by ops@acme");
            assertThat(release.reconcile()).isFalse();
        });
    }

    @Test
    void whenARequestBeingDialedIsCancelledThenItIsStillDialed() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.release();
        group.apply(queued.dialing(1, T0));

        group.apply(cancelled("r1"));

        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 1, 0));
        assertThat(group.release()).as("its dialing goes on here").isEmpty();
        group.apply(queued.placed(1, "CA1", T0.plusSeconds(600), T0));
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 1));
    }

    @Test
    void whenARequestInDoubtIsCancelledThenItIsStillReconciledWithTheProvider() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.apply(queued.dialing(1, T0));

        group.apply(cancelled("r1"));

        assertThat(group.release())
                .as("the provider may have the call")
                .singleElement()
                .satisfies(release -> {
                    assertThat(release.reconcile()).isTrue();
                    assertThat(release.cancelled()).isNull();
                });
    }

    @Test
    void whenAReplayReadsACancellationBeforeTheDialingOfTheOldOwnerThenTheRequestIsReconciledNotRejected() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        // The old owner let it through before it read the cancellation, which was appended before its dialing step.
        group.apply(queued);
        group.apply(cancelled("r1"));
        group.apply(queued.dialing(1, T0));

        assertThat(group.release())
                .as("the old owner may have sent it: the provider is asked first")
                .singleElement()
                .satisfies(release -> {
                    assertThat(release.reconcile()).isTrue();
                    assertThat(release.cancelled()).isNull();
                });
    }

    @Test
    void whenARequestCancelledWhileBeingDialedIsDeferredThenItIsWithdrawnNotDialedAgain() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);
        group.release();
        group.apply(queued.dialing(1, T0));
        group.apply(cancelled("r1"));

        // The provider created nothing (throttled): the cancellation can still be kept.
        group.apply(queued.deferred(1, "throttled", T0.plusSeconds(30), T0));

        assertThat(group.untilNextRelease()).isZero();
        assertThat(group.release()).singleElement().satisfies(release -> {
            assertThat(release.reconcile()).isFalse();
            assertThat(release.cancelled()).startsWith("cancelled by");
        });
    }

    @Test
    void whenACancelledStepIsReadTwiceThenTheRequestIsReleasedOnce() {
        var group = group(FAST, 10, FAST);
        QueuedCallRecorded queued = queued("r1", "+14155550101");
        group.apply(queued);

        group.apply(cancelled("r1"));
        group.apply(cancelled("r1"));
        assertThat(requestIds(group.release())).containsExactly("r1");

        group.apply(cancelled("r1"));
        group.apply(queued);
        assertThat(group.release()).isEmpty();
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 1, 0));

        group.apply(queued.rejected(1, "cancelled by ops@acme", T0));
        group.apply(cancelled("r1"));
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 0));
        assertThat(group.release()).isEmpty();
        assertThat(group.untilNextRelease()).isGreaterThan(Duration.ofDays(1));
    }

    @Test
    void whenAnUnknownRequestIsCancelledThenNothingChanges() {
        var group = group(FAST, 10, FAST);

        group.apply(cancelled("r1"));

        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 0));
        assertThat(group.release()).isEmpty();
    }

    private PacingGroup group(double perSecond, int concurrent, double prefixPerSecond) {
        return new PacingGroup(
                GROUP, new PacingLimits(perSecond, concurrent, prefixPerSecond, Duration.ofMillis(25)), BACKOFF, clock);
    }

    private static List<String> requestIds(List<PacingGroup.Release> released) {
        return released.stream().map(release -> release.queued().requestId()).toList();
    }

    static QueuedCallRecorded queued(String requestId, String to) {
        var request = new CallRequest(requestId, "acme", to, FROM, "sales", Map.of("campaign", "renewals"));
        return QueuedCallRecorded.queued(request, GROUP, T0, 60, T0);
    }

    private QueuedCallRecorded cancelled(String requestId) {
        return QueuedCallRecorded.cancelled(requestId, "acme", GROUP, "cancelled by ops@acme", clock.instant());
    }

    private QueuedCallRecorded ended(String requestId, String callId) {
        return QueuedCallRecorded.ended(requestId, "acme", GROUP, callId, clock.instant());
    }
}
