package io.switchboard.dialer.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.switchboard.dialer.support.DialerViews;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import org.junit.jupiter.api.Test;

class WalletHoldsTests {

    private static final int PARTITION = 1;
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration LEASE = Duration.ofHours(6);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DialIntents intents = new DialIntents();
    private final WalletHolds holds = new WalletHolds(intents, clock);
    private final DialerViews views = new DialerViews();
    private final CallPlacement placement = new CallPlacement(
            new NoProvider(),
            new DialChecks(
                    new DialerViews().accounts,
                    new DialerViews().wallets,
                    holds,
                    DialChecksTests.properties(),
                    new DialerViews().doNotCall),
            intents,
            DialChecksTests.properties(),
            clock);

    // --- what holds

    @Test
    void whenCallsAreIntendedOrPlacedThenTheirHoldsCount() {
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10"));
        intents.record(PARTITION, intent("r2", State.PLACED, "0.25"));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0.35");
    }

    @Test
    void whenARequestIsRejectedThenItHoldsNothingEvenIfItsIntentHeld() {
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10"));
        intents.record(PARTITION, intent("r1", State.REJECTED, "0.10"));
        intents.record(PARTITION, intent("r2", State.REJECTED, "0.50"));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0");
        assertThat(intents.holding(PARTITION, "acme")).isEmpty();
    }

    @Test
    void whenAnIntentIsPlacedThenItsHoldReplacesTheIntendedOneAndIsNotCountedTwice() {
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10"));
        intents.record(PARTITION, intent("r1", State.PLACED, "0.10"));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0.10");
    }

    @Test
    void whenIntentsAreLoadedThenOnlyEachRequestsLatestHolds() {
        intents.load(
                PARTITION,
                List.of(
                        intent("r1", State.INTENDED, "0.10"),
                        intent("r1", State.PLACED, "0.10"),
                        ended("r1", "0.10", 3L),
                        intent("r2", State.INTENDED, "0.05"),
                        intent("r2", State.REJECTED, null)));

        assertThat(holds.held(PARTITION, "acme", 2, null)).isEqualByComparingTo("0.10");
        assertThat(holds.held(PARTITION, "acme", 3, null)).isEqualByComparingTo("0");
    }

    @Test
    void whenAnEndedCallsWalletVersionIsNotReadYetThenItsHoldCountsUntilItIs() {
        intents.record(PARTITION, ended("r1", "0.10", 5L));

        assertThat(holds.held(PARTITION, "acme", 4, null))
                .as("the balance read does not show the charge yet")
                .isEqualByComparingTo("0.10");
        assertThat(intents.holding(PARTITION, "acme")).hasSize(1);

        assertThat(holds.held(PARTITION, "acme", 5, null)).isEqualByComparingTo("0");
        assertThat(intents.holding(PARTITION, "acme"))
                .as("released once the wallet version with the charge is read")
                .isEmpty();
        assertThat(holds.held(PARTITION, "acme", 4, null)).isEqualByComparingTo("0");
    }

    @Test
    void whenAWalletVersionAboveTheEndedOnesIsReadThenItsHoldIsReleased() {
        intents.record(PARTITION, ended("r1", "0.10", 5L));

        assertThat(holds.held(PARTITION, "acme", 9, null)).isEqualByComparingTo("0");
        assertThat(intents.holding(PARTITION, "acme")).isEmpty();
    }

    @Test
    void whenAnEndedCallHasNoWalletVersionThenItsHoldIsReleasedAtOnce() {
        intents.record(PARTITION, ended("r1", "0.10", null));
        intents.record(PARTITION, ended("r2", "0.20", 0L));

        assertThat(holds.held(PARTITION, "acme", 0, null)).isEqualByComparingTo("0");
        assertThat(intents.holding(PARTITION, "acme")).isEmpty();
    }

    @Test
    void whenAPlacedCallsSettlementNeverArrivesThenItsHoldStopsCountingPastItsLease() {
        // its lease ends now: still held
        intents.record(
                PARTITION,
                placed("r1", "0.10", 60, NOW.minus(LEASE).minusSeconds(60)).heldUntil(NOW));
        // a nanosecond ago: no longer
        intents.record(
                PARTITION,
                placed("r2", "0.20", 60, NOW.minus(LEASE).minusSeconds(61)).heldUntil(NOW.minusNanos(1)));
        // a long call placed long ago whose time limit has not run out with its lease
        intents.record(
                PARTITION,
                placed("r3", "0.40", 3600, NOW.minus(LEASE).minusSeconds(1800)).heldUntil(NOW.plusSeconds(1800)));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0.50");
        assertThat(intents.holding(PARTITION, "acme"))
                .as("the hold past its lease is dropped from the account's index")
                .extracting(DialIntentRecorded::requestId)
                .containsExactlyInAnyOrder("r1", "r3");
    }

    @Test
    void whenAQueuedRequestIsHeldPastItsLeaseThenItsHoldStopsCounting() {
        // A request that waited in the queue as long as it may and was never placed nor rejected.
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10").heldUntil(NOW));
        intents.record(PARTITION, intent("r2", State.INTENDED, "0.20").heldUntil(NOW.minusSeconds(1)));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0.10");
        assertThat(intents.holding(PARTITION, "acme"))
                .extracting(DialIntentRecorded::requestId)
                .containsExactly("r1");
    }

    @Test
    void whenAQueuedRequestIsPlacedThenItsLeaseIsThePlacedOnes() {
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10").heldUntil(NOW.minusSeconds(1)));
        intents.record(PARTITION, intent("r1", State.PLACED, "0.10").heldUntil(NOW.plusSeconds(60)));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0.10");
    }

    @Test
    void whenAHoldHasNoLeaseThenItCountsHoweverOldItIs() {
        intents.record(
                PARTITION,
                new DialIntentRecorded(
                        "r1",
                        "acme",
                        "+14155552671",
                        "+14155550123",
                        State.INTENDED,
                        null,
                        null,
                        null,
                        NOW.minus(Duration.ofDays(7)),
                        null,
                        Map.of(),
                        60,
                        new BigDecimal("0.05"),
                        "USD",
                        null));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0.05");
    }

    @Test
    void whenHoldsAreOfAnotherAccountOrPartitionThenTheyDoNotCount() {
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10"));
        intents.record(PARTITION + 1, intent("r2", State.PLACED, "0.20"));
        intents.record(
                PARTITION,
                new DialIntentRecorded(
                        "r3",
                        "globex",
                        "+14155552671",
                        "+14155550123",
                        State.PLACED,
                        "scripted",
                        "CA3",
                        null,
                        NOW,
                        null,
                        Map.of(),
                        60,
                        new BigDecimal("0.40"),
                        "USD",
                        null));

        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0.10");
        assertThat(holds.held(PARTITION + 1, "acme", 1, null)).isEqualByComparingTo("0.20");
        assertThat(holds.held(PARTITION, "globex", 1, null)).isEqualByComparingTo("0.40");
        assertThat(holds.held(PARTITION + 2, "acme", 1, null)).isEqualByComparingTo("0");
    }

    @Test
    void whenARequestIsDecidedAgainThenItsOwnHoldIsLeftOut() {
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10"));
        intents.record(PARTITION, intent("r2", State.PLACED, "0.25"));

        assertThat(holds.held(PARTITION, "acme", 1, "r1")).isEqualByComparingTo("0.25");
    }

    @Test
    void whenAnIntentHoldsNothingThenItIsNotIndexed() {
        intents.record(PARTITION, intent("r1", State.PLACED, null));
        intents.record(PARTITION, intent("r2", State.PLACED, "0"));

        assertThat(intents.holding(PARTITION, "acme")).isEmpty();
        assertThat(holds.held(PARTITION, "acme", 1, null)).isEqualByComparingTo("0");
    }

    // --- billing's settlement ends the hold (CallPlacement.end)

    @Test
    void whenThePlacedCallIsSettledThenTheIntentEndsWithTheWalletVersionAndKeepsItsHold() {
        DialIntentRecorded placed = placed("r1", "0.15", 180, NOW.minusSeconds(300));
        intents.record(PARTITION, placed);

        Optional<DialIntentRecorded> ended = placement.end(PARTITION, "acme", "r1", "CA-r1", 7, "completed");

        assertThat(ended).get().satisfies(intent -> {
            assertThat(intent.state()).isEqualTo(State.ENDED);
            assertThat(intent.key()).isEqualTo(placed.key());
            assertThat(intent.callId()).isEqualTo("CA-r1");
            assertThat(intent.provider()).isEqualTo("scripted");
            assertThat(intent.walletVersion()).isEqualTo(7L);
            assertThat(intent.held()).isEqualByComparingTo("0.15");
            assertThat(intent.currency()).isEqualTo("USD");
            assertThat(intent.timeLimitSeconds()).isEqualTo(180);
            assertThat(intent.recordedAt()).isEqualTo(NOW);
            assertThat(intent.to()).isEqualTo(placed.to());
            assertThat(intent.from()).isEqualTo(placed.from());
        });

        // and once recorded, it holds until the wallet version with the charge is read
        intents.record(PARTITION, ended.get());
        assertThat(holds.held(PARTITION, "acme", 6, null)).isEqualByComparingTo("0.15");
        assertThat(holds.held(PARTITION, "acme", 7, null)).isEqualByComparingTo("0");
    }

    @Test
    void whenTheSettlementIsOfAnotherCallThenTheIntentDoesNotEnd() {
        intents.record(PARTITION, placed("r1", "0.15", 180, NOW));

        assertThat(placement.end(PARTITION, "acme", "r1", "CA-other", 7, "completed"))
                .isEmpty();
        assertThat(holds.held(PARTITION, "acme", 100, null)).isEqualByComparingTo("0.15");
    }

    @Test
    void whenTheSettlementIsOfAnUnknownRequestOrOfAnotherAccountOrPartitionThenNothingEnds() {
        intents.record(PARTITION, placed("r1", "0.15", 180, NOW));

        assertThat(placement.end(PARTITION, "acme", "r9", "CA-r1", 7, "completed"))
                .isEmpty();
        assertThat(placement.end(PARTITION, "globex", "r1", "CA-r1", 7, "completed"))
                .isEmpty();
        assertThat(placement.end(PARTITION + 1, "acme", "r1", "CA-r1", 7, "completed"))
                .isEmpty();
    }

    @Test
    void whenTheSettlementIsOfARejectedRequestThenNothingEnds() {
        intents.record(PARTITION, intent("r1", State.REJECTED, null));

        assertThat(placement.end(PARTITION, "acme", "r1", "CA-r1", 7, "completed"))
                .isEmpty();
    }

    @Test
    void whenTheIntentHasEndedAlreadyThenASecondSettlementEndsNothing() {
        intents.record(PARTITION, ended("r1", "0.10", 5L));

        assertThat(placement.end(PARTITION, "acme", "r1", "CA-r1", 8, "completed"))
                .isEmpty();
    }

    @Test
    void whenTheIntentIsStillIntendedThenTheSettlementEndsItWithTheSettledCall() {
        intents.record(PARTITION, intent("r1", State.INTENDED, "0.10"));

        assertThat(placement.end(PARTITION, "acme", "r1", "CA7", 4, "completed"))
                .get()
                .satisfies(intent -> {
                    assertThat(intent.state()).isEqualTo(State.ENDED);
                    assertThat(intent.callId()).isEqualTo("CA7");
                    assertThat(intent.provider())
                            .as("the provider that was to place it")
                            .isEqualTo("scripted");
                    assertThat(intent.walletVersion()).isEqualTo(4L);
                    assertThat(intent.held()).isEqualByComparingTo("0.10");
                });
    }

    private static DialIntentRecorded intent(String requestId, State state, String held) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                state,
                state == State.INTENDED || state == State.REJECTED ? null : "scripted",
                state == State.INTENDED || state == State.REJECTED ? null : "CA-" + requestId,
                state == State.REJECTED ? "refused" : null,
                NOW,
                null,
                Map.of(),
                state == State.REJECTED ? null : 60,
                held == null ? null : new BigDecimal(held),
                held == null ? null : "USD",
                null);
    }

    private static DialIntentRecorded placed(String requestId, String held, Integer timeLimit, Instant recordedAt) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                State.PLACED,
                "scripted",
                "CA-" + requestId,
                null,
                recordedAt,
                null,
                Map.of(),
                timeLimit,
                new BigDecimal(held),
                "USD",
                null);
    }

    private static DialIntentRecorded ended(String requestId, String held, Long walletVersion) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                State.ENDED,
                "scripted",
                "CA-" + requestId,
                null,
                NOW,
                null,
                Map.of(),
                60,
                new BigDecimal(held),
                "USD",
                walletVersion);
    }

    /** A provider that is never asked: ending an intent does not call it. */
    private static final class NoProvider implements OutboundCalls {

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public ProviderResult place(OutboundCall call, SendTurn turn) {
            throw new AssertionError("not placed");
        }

        @Override
        public Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted) {
            throw new AssertionError("not looked up");
        }

        @Override
        public void hangUp(OutboundCall call, String callId) {
            throw new AssertionError("not hung up");
        }

        @Override
        public void leaveMessage(OutboundCall call, String callId, String message) {
            throw new AssertionError("no message left");
        }
    }
}
