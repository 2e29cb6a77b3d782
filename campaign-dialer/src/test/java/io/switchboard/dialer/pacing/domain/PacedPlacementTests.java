package io.switchboard.dialer.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.pacing.config.PacingProperties;
import io.switchboard.dialer.placement.domain.DialChecks;
import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.dialer.placement.domain.OutboundCall;
import io.switchboard.dialer.placement.domain.OutboundCalls;
import io.switchboard.dialer.placement.domain.ProviderResult;
import io.switchboard.dialer.placement.domain.SendTurn;
import io.switchboard.dialer.placement.domain.WalletHolds;
import io.switchboard.dialer.support.DialerViews;
import io.switchboard.events.account.Credential;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.DoNotCallChanged;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.dialer.QueuedCallRecorded.Step;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PacedPlacementTests {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final String GROUP = "twilio/AC-acme";
    private static final String TO = "+14155552671";
    private static final String FROM = "+14155550123";
    private static final Map<String, String> METADATA = Map.of("campaign", "renewals", "customerRef", "CRM-187");
    private static final int TIME_LIMIT = 120;
    private static final Duration LISTING_DELAY = Duration.ofSeconds(10);
    private static final Duration SLOT_LEASE = Duration.ofMinutes(5);
    private static final Duration MAX_REQUEST_AGE = Duration.ofHours(24);
    private static final PacingProperties.Backoff BACKOFF =
            new PacingProperties.Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final RecordingLog pacingLog = new RecordingLog();
    private final DialerViews views = new DialerViews().account("acme", FROM, "sales", "twilio");
    private final PacingGroup group =
            new PacingGroup(GROUP, new PacingLimits(1, 10, 3, Duration.ofMillis(25)), BACKOFF, clock);
    private final PacedPlacement placement = placement(views);

    // --- dialing

    @Test
    void whenTheProviderTakesTheCallThenItsDialingIsCommittedFirstAndItIsPlacedHoldingASlot() throws Exception {
        var detection = new MachineDetection(MachineDetection.OnMachine.HANG_UP, null);
        QueuedCallRecorded queued = queue(
                new CallRequest(
                        "r1", "acme", TO, FROM, "sales", METADATA, null, null, detection, null, null, null, null),
                T0);
        provider.answers(new ProviderResult.Accepted("CA1"));

        placement.place(release());

        assertThat(provider.logAtEachPlacement)
                .as("a new owner must find the dialing step and reconcile, not dial again")
                .singleElement()
                .satisfies(committed -> assertThat(committed).singleElement().isEqualTo(queued.dialing(1, T0)));
        assertThat(provider.placed).singleElement().satisfies(call -> {
            assertThat(call.requestId()).isEqualTo("r1");
            assertThat(call.to()).isEqualTo(TO);
            assertThat(call.from()).isEqualTo(FROM);
            assertThat(call.timeLimitSeconds()).isEqualTo(TIME_LIMIT);
            assertThat(call.credential()).isEqualTo(new Credential("twilio", "AC-acme", "token-acme", null));
            assertThat(call.machineDetection()).isEqualTo(detection);
        });
        assertThat(pacingLog.steps()).containsExactly(Step.DIALING, Step.PLACED);
        assertThat(pacingLog.entries.get(1).step())
                .isEqualTo(queued.placed(1, "CA1", T0.plusSeconds(TIME_LIMIT).plus(SLOT_LEASE), T0));
        assertThat(pacingLog.entries.get(1).event())
                .isEqualTo(new CallPlaced("r1", "acme", "CA1", "twilio", FROM, TO, "sales", TIME_LIMIT, T0, METADATA));
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 1));
        assertThat(group.placedCalls()).containsExactly("CA1");
    }

    @Test
    void whenTheProviderRefusesTheCallThenTheRequestIsRejectedWithItsWords() throws Exception {
        QueuedCallRecorded queued = queue("r1");
        provider.answers(new ProviderResult.Refused("Twilio error 21211: invalid To"));

        placement.place(release());

        assertThat(pacingLog.steps()).containsExactly(Step.DIALING, Step.REJECTED);
        assertThat(pacingLog.entries.get(1).step()).isEqualTo(queued.rejected(1, "Twilio error 21211: invalid To", T0));
        assertThat(pacingLog.entries.get(1).event())
                .isEqualTo(new CallRequestRejected("r1", "acme", "Twilio error 21211: invalid To", null, T0));
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 0));
    }

    @Test
    void whenTheProviderThrottlesTheAccountThenTheRequestWaitsUntilThePauseEndsAndTheAccountPauses() throws Exception {
        QueuedCallRecorded queued = queue("r1");
        queue("r2", TO.replace("2671", "2672"), T0);
        provider.answers(new ProviderResult.Throttled("Twilio error 20429 (HTTP 429): Too Many Requests"));

        placement.place(release());

        assertThat(pacingLog.steps()).containsExactly(Step.DIALING, Step.DEFERRED);
        assertThat(pacingLog.entries.get(1).step())
                .isEqualTo(queued.deferred(
                        1, "Twilio error 20429 (HTTP 429): Too Many Requests", T0.plus(BACKOFF.initial()), T0));
        clock.advance(Duration.ofMillis(999));
        assertThat(group.release())
                .as("neither this request nor the next: the account is paused")
                .isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(group.release()).as("the rate's own spacing is what is left").isEmpty();
        clock.advance(Duration.ofMillis(25));
        assertThat(group.release())
                .as("still ahead of the request queued after it")
                .singleElement()
                .satisfies(release -> {
                    assertThat(release.queued().requestId()).isEqualTo("r1");
                    assertThat(release.attempt()).isEqualTo(2);
                });
    }

    @Test
    void whenTheProviderTakesACallAfterThrottlingThenTheBackoffStartsOver() throws Exception {
        queue("r1");
        provider.answers(new ProviderResult.Throttled("Twilio error 20429"))
                .answers(new ProviderResult.Accepted("CA1"));
        placement.place(release());
        clock.advance(Duration.ofSeconds(2));

        PacingGroup.Release again = release();
        assertThat(again.attempt()).isEqualTo(2);
        placement.place(again);

        assertThat(pacingLog.steps()).containsExactly(Step.DIALING, Step.DEFERRED, Step.DIALING, Step.PLACED);
        assertThat(pacingLog.entries.get(3).step().attempt()).isEqualTo(2);
        assertThat(group.throttled())
                .as("the next throttle is a first one again")
                .isEqualTo(clock.instant().plus(BACKOFF.initial()));
    }

    @Test
    void whenTheProviderCertainlyCreatedNothingThenTheRequestWaitsAgainAndTheAccountPauses() throws Exception {
        QueuedCallRecorded queued = queue("r1");
        provider.answers(new ProviderResult.NotCreated("Twilio: Connection refused"));

        placement.place(release());

        assertThat(pacingLog.steps()).containsExactly(Step.DIALING, Step.DEFERRED);
        assertThat(pacingLog.entries.get(1).step())
                .isEqualTo(queued.deferred(1, "Twilio: Connection refused", T0.plus(BACKOFF.initial()), T0));
        assertThat(group.untilNextRelease()).isEqualTo(BACKOFF.initial());
    }

    @Test
    void whenTheAnswerIsUncertainAndTheProviderListsTheCallThenItIsAdoptedWithoutASecondPlacement() throws Exception {
        QueuedCallRecorded earlier = queue("r0");
        group.apply(earlier.placed(1, "CA0", T0.plusSeconds(600), T0.minusSeconds(5)));
        queue("r1");
        provider.answers(new ProviderResult.Unknown("Twilio HTTP 503")).lists("CA7");

        placement.place(release());

        assertThat(provider.placed).hasSize(1);
        assertThat(provider.found).singleElement().satisfies(find -> {
            assertThat(find.since())
                    .as("the provider's clock may be behind ours")
                    .isEqualTo(T0.minusSeconds(30));
            assertThat(find.adopted())
                    .as("another request's call is not this one's")
                    .contains("CA0");
        });
        assertThat(pacingLog.steps()).containsExactly(Step.DIALING, Step.PLACED);
        assertThat(pacingLog.entries.get(1).step().callId()).isEqualTo("CA7");
        assertThat(pacingLog.entries.get(1).event())
                .isEqualTo(new CallPlaced("r1", "acme", "CA7", "twilio", FROM, TO, "sales", TIME_LIMIT, T0, METADATA));
    }

    @Test
    void whenTheAnswerIsUncertainAndNothingIsListedThenTheRequestIsReconciledOnceTheListIsTrusted() throws Exception {
        QueuedCallRecorded queued = queue("r1");
        provider.answers(new ProviderResult.Unknown("read timed out"));

        placement.place(release());

        assertThat(pacingLog.steps())
                .as("in doubt: neither placed nor waiting again")
                .containsExactly(Step.DIALING);
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 1, 0));
        clock.advance(LISTING_DELAY.minusNanos(1));
        assertThat(group.release()).isEmpty();
        clock.advanceNanos(1);

        PacingGroup.Release reconcile = release();
        assertThat(reconcile.reconcile()).isTrue();
        assertThat(reconcile.attempt()).isEqualTo(1);
        assertThat(reconcile.since()).isEqualTo(T0);

        placement.place(reconcile);

        assertThat(provider.placed).as("never dialed again blindly").hasSize(1);
        assertThat(pacingLog.steps()).containsExactly(Step.DIALING, Step.DEFERRED);
        assertThat(pacingLog.entries.get(1).step())
                .isEqualTo(queued.deferred(
                        1, "the provider has no call for attempt 1", T0.plus(LISTING_DELAY), T0.plus(LISTING_DELAY)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(release().attempt()).isEqualTo(2);
    }

    // --- reconciling a dialing step read from the topic

    @Test
    void whenADialingStepIsReconciledBeforeTheListIsTrustedThenItWaitsWithoutARecord() throws Exception {
        QueuedCallRecorded queued = queue("r1");
        group.apply(queued.dialing(1, T0));
        clock.advance(Duration.ofSeconds(2));

        placement.place(release());

        assertThat(provider.placed).isEmpty();
        assertThat(provider.found).singleElement().extracting(Find::since).isEqualTo(T0.minusSeconds(30));
        assertThat(pacingLog.entries).isEmpty();
        assertThat(group.release()).isEmpty();
        clock.advance(LISTING_DELAY.minusSeconds(2));
        assertThat(release().reconcile()).isTrue();
    }

    @Test
    void whenADialingStepIsReconciledOnceTheListIsTrustedAndNothingIsListedThenTheRequestWaitsAgain() throws Exception {
        QueuedCallRecorded queued = queue("r1");
        group.apply(queued.dialing(1, T0));
        clock.advance(LISTING_DELAY);

        placement.place(release());

        assertThat(provider.placed).isEmpty();
        assertThat(pacingLog.steps()).containsExactly(Step.DEFERRED);
        assertThat(pacingLog.entries.getFirst().step().reason()).contains("has no call");
        assertThat(pacingLog.entries.getFirst().step().notBefore()).isEqualTo(clock.instant());
    }

    @Test
    void whenADialingStepIsReconciledAndTheProviderListsTheCallThenItIsAdopted() throws Exception {
        QueuedCallRecorded queued = queue("r1");
        group.apply(queued.dialing(1, T0));
        clock.advance(Duration.ofSeconds(2));
        provider.lists("CA9");

        placement.place(release());

        assertThat(provider.placed).isEmpty();
        assertThat(pacingLog.steps()).containsExactly(Step.PLACED);
        assertThat(pacingLog.entries.getFirst().step())
                .isEqualTo(queued.placed(
                        1, "CA9", clock.instant().plusSeconds(TIME_LIMIT).plus(SLOT_LEASE), clock.instant()));
        assertThat(pacingLog.entries.getFirst().event())
                .isEqualTo(new CallPlaced(
                        "r1", "acme", "CA9", "twilio", FROM, TO, "sales", TIME_LIMIT, clock.instant(), METADATA));
    }

    @Test
    void whenADialingStepIsReconciledAfterTheRequestExpiredAndNothingIsListedThenItIsRejected() throws Exception {
        QueuedCallRecorded queued = queue(
                new CallRequest(
                        "r1",
                        "acme",
                        TO,
                        FROM,
                        "sales",
                        METADATA,
                        T0.plusSeconds(5),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                T0);
        group.apply(queued.dialing(1, T0));
        clock.advance(LISTING_DELAY);

        placement.place(release());

        assertThat(pacingLog.steps()).containsExactly(Step.REJECTED);
        assertThat(pacingLog.entries.getFirst().step().reason()).startsWith("expired at");
    }

    @Test
    void whenTheAccountIsGoneWhileADialIsInDoubtThenTheRequestIsRejectedWithoutAsking() throws Exception {
        var placementWithoutAcme = placement(new DialerViews());
        QueuedCallRecorded queued = queue("r1");
        group.apply(queued.dialing(1, T0));

        placementWithoutAcme.place(release());

        assertThat(provider.found).isEmpty();
        assertThat(pacingLog.steps()).containsExactly(Step.REJECTED);
        assertThat(pacingLog.entries.getFirst().step().reason()).contains("removed while the request was in doubt");
    }

    // --- what is no longer to be dialed

    @Test
    void whenTheRequestExpiredWhileQueuedThenItIsRejectedWithoutDialing() throws Exception {
        queue(
                new CallRequest(
                        "r1",
                        "acme",
                        TO,
                        FROM,
                        "sales",
                        METADATA,
                        T0.plusSeconds(30),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                T0);
        clock.advance(Duration.ofSeconds(30));

        placement.place(release());

        assertThat(provider.placed).isEmpty();
        assertThat(pacingLog.steps()).containsExactly(Step.REJECTED);
        assertThat(pacingLog.entries.getFirst().step().attempt()).isEqualTo(1);
        assertThat(pacingLog.entries.getFirst().event()).isInstanceOfSatisfying(CallRequestRejected.class, rejected -> {
            assertThat(rejected.reason()).startsWith("expired at 2026-12-03T10:00:30Z");
            assertThat(rejected.rejectedAt()).isEqualTo(clock.instant());
        });
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 0));
    }

    @Test
    void whenTheNumberWasListedAsDoNotCallWhileQueuedThenTheRequestIsRejectedOnItsToWithoutDialing() throws Exception {
        queue("r1");
        views.doNotCall.apply(new DoNotCallChanged("acme", TO, true, "asked not to be called", T0, "crm"));

        placement.place(release());

        assertThat(provider.placed).isEmpty();
        assertThat(pacingLog.steps()).containsExactly(Step.REJECTED);
        assertThat(pacingLog.entries.getFirst().event()).isInstanceOfSatisfying(CallRequestRejected.class, rejected -> {
            assertThat(rejected.field()).isEqualTo("to");
            assertThat(rejected.reason())
                    .contains("do-not-call list of account acme")
                    .contains("while the request was queued");
        });
        assertThat(group.progress()).isEqualTo(new PacingGroup.Progress(0, 0, 0));
    }

    @Test
    void whenTheRequestWaitedLongerThanAnyRequestMayThenItIsRejectedWithoutDialing() throws Exception {
        queue("r1", TO, T0.minus(MAX_REQUEST_AGE).minusNanos(1));

        placement.place(release());

        assertThat(provider.placed).isEmpty();
        assertThat(pacingLog.steps()).containsExactly(Step.REJECTED);
        assertThat(pacingLog.entries.getFirst().step().reason()).contains("switchboard.dialer.max-request-age");
    }

    @Test
    void whenTheAccountOrItsCredentialIsGoneWhileQueuedThenTheRequestIsRejectedWithoutDialing() throws Exception {
        var placementWithoutAcme = placement(new DialerViews());
        queue("r1");

        placementWithoutAcme.place(release());

        assertThat(provider.placed).isEmpty();
        assertThat(pacingLog.steps()).containsExactly(Step.REJECTED);
        assertThat(pacingLog.entries.getFirst().step().reason())
                .contains("credential was removed while the request was queued");
    }

    private PacedPlacement placement(DialerViews accounts) {
        var dialer = new DialerProperties(
                URI.create("https://ingress.example.com"),
                Duration.ofHours(1),
                MAX_REQUEST_AGE,
                LISTING_DELAY,
                Duration.ofHours(6),
                "",
                new DialerProperties.Twilio(URI.create("https://api.twilio.com"), Duration.ofSeconds(10)));
        var pacing = new PacingProperties(1, 10, 3, Duration.ofMillis(25), SLOT_LEASE, BACKOFF, Map.of());
        var checks = new DialChecks(
                accounts.accounts,
                accounts.wallets,
                new WalletHolds(new DialIntents(), clock),
                dialer,
                accounts.doNotCall);
        return new PacedPlacement(provider, checks, pacingLog, dialer, pacing, clock);
    }

    private PacingGroup.Release release() {
        List<PacingGroup.Release> released = group.release();
        assertThat(released).hasSize(1);
        return released.getFirst();
    }

    private QueuedCallRecorded queue(String requestId) {
        return queue(requestId, TO, T0);
    }

    private QueuedCallRecorded queue(String requestId, String to, Instant receivedAt) {
        return queue(new CallRequest(requestId, "acme", to, FROM, "sales", METADATA), receivedAt);
    }

    private QueuedCallRecorded queue(CallRequest request, Instant receivedAt) {
        QueuedCallRecorded queued = QueuedCallRecorded.queued(request, GROUP, receivedAt, TIME_LIMIT, T0);
        group.apply(queued);
        return queued;
    }

    private record Find(OutboundCall call, Instant since, Set<String> adopted) {}

    /** Answers placements as scripted and lists what it is told to, recording what it was asked. */
    private final class ScriptedProvider implements OutboundCalls {

        private final Deque<ProviderResult> answers = new ArrayDeque<>();
        private Optional<String> listed = Optional.empty();
        private final List<OutboundCall> placed = new ArrayList<>();
        private final List<List<QueuedCallRecorded>> logAtEachPlacement = new ArrayList<>();
        private final List<Find> found = new ArrayList<>();

        ScriptedProvider answers(ProviderResult result) {
            answers.add(result);
            return this;
        }

        ScriptedProvider lists(String callId) {
            listed = Optional.of(callId);
            return this;
        }

        @Override
        public String name() {
            return "twilio";
        }

        @Override
        public ProviderResult place(OutboundCall call, SendTurn turn) {
            try {
                turn.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            placed.add(call);
            logAtEachPlacement.add(pacingLog.entries.stream().map(Entry::step).toList());
            return answers.remove();
        }

        @Override
        public Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted) {
            found.add(new Find(call, createdSince, Set.copyOf(adopted)));
            return listed;
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

    /** A step committed, with the event committed alongside it (null for none). */
    private record Entry(QueuedCallRecorded step, Object event) {}

    private static final class RecordingLog implements PacingLog {

        private final List<Entry> entries = new ArrayList<>();

        List<Step> steps() {
            return entries.stream().map(entry -> entry.step().step()).toList();
        }

        @Override
        public void dialing(QueuedCallRecorded dialing) {
            entries.add(new Entry(dialing, null));
        }

        @Override
        public void placed(QueuedCallRecorded placed, CallPlaced event) {
            entries.add(new Entry(placed, event));
        }

        @Override
        public void rejected(QueuedCallRecorded rejected, CallRequestRejected rejection) {
            entries.add(new Entry(rejected, rejection));
        }

        @Override
        public void deferred(QueuedCallRecorded deferred) {
            entries.add(new Entry(deferred, null));
        }
    }
}
