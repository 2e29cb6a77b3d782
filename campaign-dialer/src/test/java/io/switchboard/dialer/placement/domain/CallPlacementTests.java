package io.switchboard.dialer.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.support.DialerViews;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import io.switchboard.events.request.RetryPolicy;
import org.junit.jupiter.api.Test;

class CallPlacementTests {

    private static final int PARTITION = 2;
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Map<String, String> METADATA = Map.of("campaign", "renewals", "customerRef", "CRM-187");
    private static final String PROVIDER = "twilio";
    private static final String PROVIDER_ACCOUNT = "twilio/AC-acme";
    private static final Duration MAX_REQUEST_AGE = Duration.ofHours(24);
    private static final Duration HOLD_LEASE = Duration.ofHours(6);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final DialIntents intents = new DialIntents();
    private final DialerViews views =
            new DialerViews().account("acme", "+14155550123", "sales", PROVIDER).wallet("acme", "50.00", "0.05", 1);
    private final CallPlacement placement = new CallPlacement(
            provider,
            new DialChecks(
                    views.accounts, views.wallets, new WalletHolds(intents, clock), properties(), views.doNotCall),
            intents,
            properties(),
            clock);

    // --- admission

    @Test
    void whenANewRequestIsAdmittedThenItIsQueuedForItsProviderAccountWithAnIntentHoldingItsWallet() {
        Instant receivedAt = NOW.minus(Duration.ofMinutes(5));

        Admission admission = placement.admit(PARTITION, new CallRequestReceived(request("r1"), "crm", receivedAt));

        assertThat(admission).isInstanceOfSatisfying(Admission.Queued.class, queued -> {
            DialIntentRecorded intent = queued.intent();
            assertThat(intent.state()).isEqualTo(State.INTENDED);
            assertThat(intent.key()).isEqualTo("acme/r1");
            assertThat(intent.assistantId())
                    .as("the orchestrator answers with it")
                    .isEqualTo("sales");
            assertThat(intent.metadata()).isEqualTo(METADATA);
            assertThat(intent.recordedAt()).isEqualTo(NOW);
            assertThat(intent.timeLimitSeconds()).isEqualTo(3600);
            assertThat(intent.held()).isEqualByComparingTo("3.00");
            assertThat(intent.currency()).isEqualTo("USD");
            assertThat(intent.heldUntil())
                    .as("it may wait in the queue as long as a request may be late, then last its time limit")
                    .isEqualTo(
                            receivedAt.plus(MAX_REQUEST_AGE).plusSeconds(3600).plus(HOLD_LEASE));
            assertThat(intent.providerAccount()).isEqualTo(PROVIDER_ACCOUNT);

            QueuedCallRecorded step = queued.queued();
            assertThat(step.step()).isEqualTo(QueuedCallRecorded.Step.QUEUED);
            assertThat(step.providerAccount())
                    .as("keyed by the provider account of the account's credential")
                    .isEqualTo(PROVIDER_ACCOUNT);
            assertThat(step.requestId()).isEqualTo("r1");
            assertThat(step.accountId()).isEqualTo("acme");
            assertThat(step.request()).isEqualTo(request("r1"));
            assertThat(step.receivedAt())
                    .as("its age counts from when it was received, not queued")
                    .isEqualTo(receivedAt);
            assertThat(step.timeLimitSeconds()).isEqualTo(3600);
            assertThat(step.recordedAt()).isEqualTo(NOW);
        });
        assertThat(provider.asked)
                .as("the provider is asked by the queue's owner")
                .isEmpty();
    }

    @Test
    void whenTheWalletHasNoPriceThenTheRequestIsQueuedHoldingNothingAndWithoutALease() {
        views.wallet("acme", "1.00", null, 2);

        assertThat(placement.admit(PARTITION, received("r1")))
                .isInstanceOfSatisfying(Admission.Queued.class, queued -> {
                    assertThat(queued.intent().held()).isNull();
                    assertThat(queued.intent().heldUntil()).isNull();
                    assertThat(queued.queued().providerAccount()).isEqualTo(PROVIDER_ACCOUNT);
                });
    }

    @Test
    void whenTheRequestIsKnownInAnyStateThenItIsADuplicateAndNothingIsDecided() {
        intents.record(PARTITION, intent("r1", State.INTENDED, null));
        intents.record(PARTITION, intent("r2", State.PLACED, "CA2"));
        intents.record(PARTITION, intent("r3", State.REJECTED, null));
        intents.record(PARTITION, intent("r4", State.ENDED, "CA4"));
        // Even a request that would be refused now: its first copy was decided already.
        views.wallet("acme", "0.00", "0.05", 2);

        for (String requestId : List.of("r1", "r2", "r3", "r4")) {
            assertThat(placement.admit(PARTITION, received(requestId))).isEqualTo(new Admission.Duplicate(requestId));
        }
        assertThat(provider.asked).isEmpty();
    }

    @Test
    void whenTheRequestIsOfAnotherPartitionsIntentThenItIsNotADuplicateHere() {
        intents.record(PARTITION + 1, intent("r1", State.PLACED, "CA1"));

        assertThat(placement.admit(PARTITION, received("r1"))).isInstanceOf(Admission.Queued.class);
    }

    @Test
    void whenTheRequestHasExpiredOrWaitedTooLongThenItIsRejectedWithoutBeingQueued() {
        var expired = new CallRequestReceived(
                new CallRequest(
                        "r1",
                        "acme",
                        "+14155552671",
                        "+14155550123",
                        null,
                        Map.of(),
                        NOW,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                "crm",
                NOW);
        var old = new CallRequestReceived(
                request("r2"), "crm", NOW.minus(MAX_REQUEST_AGE).minusSeconds(1));

        assertThat(placement.admit(PARTITION, expired)).isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
            assertThat(rejected.reason()).startsWith("expired at 2026-12-03T10:00:00Z");
            assertThat(rejected.field()).isNull();
            assertThat(rejected.settled().state()).isEqualTo(State.REJECTED);
            assertThat(rejected.settled().reason()).isEqualTo(rejected.reason());
            assertThat(rejected.settled().held()).isNull();
            assertThat(rejected.settled().providerAccount())
                    .as("it was never queued")
                    .isNull();
        });
        assertThat(placement.admit(PARTITION, old))
                .isInstanceOfSatisfying(
                        Admission.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("switchboard.dialer.max-request-age"));
    }

    @Test
    void whenTheRequestWasReceivedExactlyTheLongestAgeAgoThenItIsStillQueued() {
        var oldest = new CallRequestReceived(request("r1"), "crm", NOW.minus(MAX_REQUEST_AGE));

        assertThat(placement.admit(PARTITION, oldest)).isInstanceOf(Admission.Queued.class);
    }

    @Test
    void whenTheChecksRefuseTheRequestThenItIsRejectedNamingTheFieldAtFault() {
        var notOurs = new CallRequest("r1", "acme", "+14155552671", "+14155550999", "sales", METADATA);
        var unknownAccount = new CallRequest("r2", "globex", "+14155552671", "+14155550123", "sales", METADATA);

        assertThat(placement.admit(PARTITION, new CallRequestReceived(notOurs, "crm", NOW)))
                .isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("from");
                    assertThat(rejected.reason()).contains("is not one of the numbers of account acme");
                    assertThat(rejected.settled().state()).isEqualTo(State.REJECTED);
                    assertThat(rejected.settled().key()).isEqualTo("acme/r1");
                    assertThat(rejected.settled().assistantId())
                            .as("every state carries the request's context")
                            .isEqualTo("sales");
                    assertThat(rejected.settled().metadata()).isEqualTo(METADATA);
                });
        assertThat(placement.admit(PARTITION, new CallRequestReceived(unknownAccount, "crm", NOW)))
                .isInstanceOfSatisfying(
                        Admission.Rejected.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("accountId"));
    }

    @Test
    void whenTheWalletCannotPayThenTheRequestIsRejectedWithoutAField() {
        views.wallet("acme", "0.01", "0.05", 2);

        assertThat(placement.admit(PARTITION, received("r1")))
                .isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
                    assertThat(rejected.field()).isNull();
                    assertThat(rejected.reason()).contains("cannot pay for one minute");
                });
    }

    @Test
    void whenOtherRequestsAreQueuedThenTheirHoldsCountAgainstANewOne() {
        views.wallet("acme", "0.10", "0.05", 2);
        Admission first = placement.admit(PARTITION, received("r1"));
        intents.record(PARTITION, ((Admission.Queued) first).intent());

        assertThat(placement.admit(PARTITION, received("r2")))
                .as("a queued request holds its wallet while it waits, before it is dialed")
                .isInstanceOfSatisfying(
                        Admission.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("0.10 of it held by calls in progress"));
    }

    @Test
    void whenARequestAsksForDetectionThenItsIntentsCarryThePolicy() {
        var detection = new MachineDetection(MachineDetection.OnMachine.LEAVE_MESSAGE, "Please call back");
        var request = new CallRequest(
                "r1",
                "acme",
                "+14155552671",
                "+14155550123",
                "sales",
                METADATA,
                null,
                null,
                detection,
                null,
                null,
                null,
                null);

        Admission admission = placement.admit(PARTITION, new CallRequestReceived(request, "crm", NOW));

        assertThat(admission).isInstanceOfSatisfying(Admission.Queued.class, queued -> {
            assertThat(queued.intent().machineDetection()).isEqualTo(detection);
            assertThat(queued.queued().request().machineDetection()).isEqualTo(detection);
            intents.record(PARTITION, queued.intent());
        });
        assertThat(placement.placed(PARTITION, callPlaced("r1", "CA1", NOW)))
                .get()
                .extracting(DialIntentRecorded::machineDetection)
                .isEqualTo(detection);
    }

    // --- what the queue's owner says

    @Test
    void whenTheQueuesOwnerPlacedTheCallThenTheIntentIsPlacedHoldingUntilItsTimeLimitAndLeaseAfterPlacement() {
        DialIntentRecorded intended = admitted("r1");
        Instant placedAt = NOW.minusSeconds(20);

        Optional<DialIntentRecorded> placed = placement.placed(PARTITION, callPlaced("r1", "CA1", placedAt));

        assertThat(placed).get().satisfies(intent -> {
            assertThat(intent.state()).isEqualTo(State.PLACED);
            assertThat(intent.key()).isEqualTo(intended.key());
            assertThat(intent.callId()).isEqualTo("CA1");
            assertThat(intent.provider()).isEqualTo(PROVIDER);
            assertThat(intent.recordedAt()).isEqualTo(NOW);
            assertThat(intent.held()).isEqualByComparingTo(intended.held());
            assertThat(intent.currency()).isEqualTo("USD");
            assertThat(intent.timeLimitSeconds()).isEqualTo(3600);
            assertThat(intent.heldUntil())
                    .as("no longer the time it might have waited in the queue: it was placed")
                    .isEqualTo(placedAt.plusSeconds(3600).plus(HOLD_LEASE));
            assertThat(intent.providerAccount()).isEqualTo(PROVIDER_ACCOUNT);
            assertThat(intent.assistantId()).isEqualTo("sales");
            assertThat(intent.metadata()).isEqualTo(METADATA);
            assertThat(intent.to()).isEqualTo(intended.to());
            assertThat(intent.from()).isEqualTo(intended.from());
        });
    }

    @Test
    void whenTheIntentIsNoLongerIntendedOrUnknownThenAPlacementChangesNothing() {
        intents.record(PARTITION, intent("r1", State.PLACED, "CA1"));
        intents.record(PARTITION, intent("r2", State.REJECTED, null));
        intents.record(PARTITION, intent("r3", State.ENDED, "CA3"));

        assertThat(placement.placed(PARTITION, callPlaced("r1", "CA1", NOW)))
                .as("a placement read twice")
                .isEmpty();
        assertThat(placement.placed(PARTITION, callPlaced("r2", "CA2", NOW))).isEmpty();
        assertThat(placement.placed(PARTITION, callPlaced("r3", "CA3", NOW))).isEmpty();
        assertThat(placement.placed(PARTITION, callPlaced("r9", "CA9", NOW))).isEmpty();
        assertThat(placement.placed(PARTITION + 1, callPlaced("r1", "CA1", NOW)))
                .isEmpty();
    }

    @Test
    void whenTheQueuesOwnerRejectedTheRequestThenTheIntentIsRejectedAndHoldsNothing() {
        admitted("r1");

        Optional<DialIntentRecorded> rejected = placement.rejected(
                PARTITION, new CallRequestRejected("r1", "acme", "Twilio error 21211: invalid To", null, NOW));

        assertThat(rejected).get().satisfies(intent -> {
            assertThat(intent.state()).isEqualTo(State.REJECTED);
            assertThat(intent.reason()).isEqualTo("Twilio error 21211: invalid To");
            assertThat(intent.held()).isNull();
            assertThat(intent.heldUntil()).isNull();
            assertThat(intent.callId()).isNull();
            assertThat(intent.recordedAt()).isEqualTo(NOW);
            assertThat(intent.providerAccount()).isEqualTo(PROVIDER_ACCOUNT);
            assertThat(intent.metadata()).isEqualTo(METADATA);
        });
        intents.record(PARTITION, rejected.get());
        assertThat(new WalletHolds(intents, clock).held(PARTITION, "acme", 1, null))
                .isEqualByComparingTo("0");
    }

    @Test
    void whenTheIntentIsNoLongerIntendedThenARejectionChangesNothing() {
        intents.record(PARTITION, intent("r1", State.PLACED, "CA1"));
        intents.record(PARTITION, intent("r2", State.REJECTED, null));

        assertThat(placement.rejected(PARTITION, new CallRequestRejected("r1", "acme", "late", null, NOW)))
                .as("a request placed is not rejected afterwards")
                .isEmpty();
        assertThat(placement.rejected(PARTITION, new CallRequestRejected("r2", "acme", "again", null, NOW)))
                .isEmpty();
        assertThat(placement.rejected(PARTITION, new CallRequestRejected("r9", "acme", "unknown", null, NOW)))
                .isEmpty();
    }

    // --- billing's settlement

    @Test
    void whenAQueuedOrPlacedRequestIsSettledThenItEndsKeepingItsProviderAccount() {
        admitted("r1");
        admitted("r2");
        intents.record(
                PARTITION,
                placement.placed(PARTITION, callPlaced("r2", "CA2", NOW)).orElseThrow());

        assertThat(placement.end(PARTITION, "acme", "r1", "CA1", 4, "completed"))
                .as("settled before the queue's owner said it was placed")
                .get()
                .satisfies(intent -> {
                    assertThat(intent.state()).isEqualTo(State.ENDED);
                    assertThat(intent.callId()).isEqualTo("CA1");
                    assertThat(intent.provider()).isEqualTo(PROVIDER);
                    assertThat(intent.walletVersion()).isEqualTo(4L);
                    assertThat(intent.held()).isEqualByComparingTo("3.00");
                    assertThat(intent.providerAccount()).isEqualTo(PROVIDER_ACCOUNT);
                });
        assertThat(placement.end(PARTITION, "acme", "r2", "CA2", 5, "completed"))
                .get()
                .satisfies(intent -> {
                    assertThat(intent.state()).isEqualTo(State.ENDED);
                    assertThat(intent.walletVersion()).isEqualTo(5L);
                    assertThat(intent.providerAccount()).isEqualTo(PROVIDER_ACCOUNT);
                });
        assertThat(placement.end(PARTITION, "acme", "r2", "CA-other", 5, "completed"))
                .as("the settlement of another call")
                .isEmpty();
    }

    // --- machine detection

    @Test
    void whenAMachineAnswersThenTheRequestsPolicyIsAppliedAndAPersonIsLeftAlone() {
        record(machineIntent("r-hang", "CA-hang", MachineDetection.OnMachine.HANG_UP, null));
        record(machineIntent("r-msg", "CA-msg", MachineDetection.OnMachine.LEAVE_MESSAGE, "Please call back"));
        record(machineIntent("r-connect", "CA-connect", MachineDetection.OnMachine.CONNECT, null));

        assertThat(placement.machineDetected(PARTITION, "acme", "r-hang", "CA-hang", "machine_start"))
                .isEqualTo(MachinePolicy.HUNG_UP);
        assertThat(placement.machineDetected(PARTITION, "acme", "r-msg", "CA-msg", "machine_end_beep"))
                .isEqualTo(MachinePolicy.LEFT_MESSAGE);
        assertThat(placement.machineDetected(PARTITION, "acme", "r-connect", "CA-connect", "fax"))
                .isEqualTo(MachinePolicy.CONNECTED);
        assertThat(placement.machineDetected(PARTITION, "acme", "r-hang", "CA-hang", "human"))
                .isEqualTo(MachinePolicy.NONE);
        assertThat(placement.machineDetected(PARTITION, "acme", "r-hang", "CA-hang", "unknown"))
                .isEqualTo(MachinePolicy.NONE);

        assertThat(provider.asked)
                .as("on the account's own provider account")
                .containsExactly("hang up CA-hang as AC-acme", "say 'Please call back' on CA-msg");
    }

    @Test
    void whenAMachineTookThePlacedCallThenItsEndCountsAsAMachineNotAsCompleted() {
        record(machineIntent("r-hang", "CA-hang", MachineDetection.OnMachine.HANG_UP, null));

        var marked = placement.answeredByMachine(PARTITION, "acme", "r-hang", "CA-hang");

        assertThat(marked).get().satisfies(intent -> {
            assertThat(intent.state()).isEqualTo(State.PLACED);
            assertThat(intent.reason()).isEqualTo(RetryPolicy.MACHINE);
            assertThat(intent.callId()).isEqualTo("CA-hang");
        });
        intents.record(PARTITION, marked.orElseThrow());
        assertThat(placement.answeredByMachine(PARTITION, "acme", "r-hang", "CA-hang"))
                .as("marked once")
                .isEmpty();
        assertThat(placement.answeredByMachine(PARTITION, "acme", "r-hang", "CA-other"))
                .as("another call of the request")
                .isEmpty();
        assertThat(placement.end(PARTITION, "acme", "r-hang", "CA-hang", 3, "completed"))
                .get()
                .satisfies(ended -> assertThat(ended.reason()).isEqualTo(RetryPolicy.MACHINE));
    }

    @Test
    void whenTheRequestAskedForNoDetectionOrIsUnknownThenAMachineChangesNothing() {
        intents.record(PARTITION, intent("r1", State.PLACED, "CA1"));

        assertThat(placement.machineDetected(PARTITION, "acme", "r1", "CA1", "machine_start"))
                .isEqualTo(MachinePolicy.NONE);
        assertThat(placement.machineDetected(PARTITION, "acme", "nobody", "CA9", "machine_start"))
                .isEqualTo(MachinePolicy.NONE);
        assertThat(provider.asked).isEmpty();
    }

    @Test
    void whenTheAccountHasNoCredentialAnyMoreThenAMachineIsLeftAlone() {
        record(machineIntent("r1", "CA1", MachineDetection.OnMachine.HANG_UP, null));
        var withoutAcme = new DialerViews();
        var placementWithoutAcme = new CallPlacement(
                provider,
                new DialChecks(
                        withoutAcme.accounts,
                        withoutAcme.wallets,
                        new WalletHolds(intents, clock),
                        properties(),
                        withoutAcme.doNotCall),
                intents,
                properties(),
                clock);

        assertThat(placementWithoutAcme.machineDetected(PARTITION, "acme", "r1", "CA1", "machine_start"))
                .isEqualTo(MachinePolicy.NONE);
        assertThat(provider.asked).isEmpty();
    }

    private DialIntentRecorded admitted(String requestId) {
        DialIntentRecorded intended = ((Admission.Queued) placement.admit(PARTITION, received(requestId))).intent();
        intents.record(PARTITION, intended);
        return intended;
    }

    private void record(DialIntentRecorded intent) {
        intents.record(PARTITION, intent);
    }

    private static CallPlaced callPlaced(String requestId, String callId, Instant placedAt) {
        return new CallPlaced(
                requestId, "acme", callId, PROVIDER, "+14155550123", "+14155552671", "sales", 3600, placedAt, METADATA);
    }

    private DialIntentRecorded machineIntent(
            String requestId, String callId, MachineDetection.OnMachine onMachine, String message) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                State.PLACED,
                PROVIDER,
                callId,
                null,
                NOW,
                "sales",
                Map.of(),
                60,
                null,
                null,
                null,
                new MachineDetection(onMachine, message),
                null,
                PROVIDER_ACCOUNT);
    }

    private CallRequestReceived received(String requestId) {
        return new CallRequestReceived(request(requestId), "crm", NOW);
    }

    private static CallRequest request(String requestId) {
        return new CallRequest(requestId, "acme", "+14155552671", "+14155550123", "sales", METADATA);
    }

    private static DialIntentRecorded intent(String requestId, State state, String callId) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                state,
                PROVIDER,
                callId,
                null,
                NOW,
                null,
                Map.of(),
                60,
                state == State.REJECTED ? null : new BigDecimal("0.05"),
                state == State.REJECTED ? null : "USD",
                null);
    }

    private static DialerProperties properties() {
        return new DialerProperties(
                URI.create("https://ingress.example.com"),
                Duration.ofHours(1),
                MAX_REQUEST_AGE,
                Duration.ofSeconds(10),
                HOLD_LEASE,
                "",
                new DialerProperties.Twilio(URI.create("https://api.twilio.com"), Duration.ofSeconds(10)));
    }

    /** Never asked to place (the queue's owner does that); records the machine policies it applies. */
    private static final class ScriptedProvider implements OutboundCalls {

        private final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return PROVIDER;
        }

        @Override
        public ProviderResult place(OutboundCall call, SendTurn turn) {
            asked.add("place " + call.requestId());
            throw new AssertionError("the account's owner does not dial");
        }

        @Override
        public Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted) {
            asked.add("find " + call.requestId());
            throw new AssertionError("the account's owner does not reconcile");
        }

        @Override
        public void hangUp(OutboundCall call, String callId) {
            asked.add("hang up " + callId + " as " + call.credential().providerAccountId());
        }

        @Override
        public void leaveMessage(OutboundCall call, String callId, String message) {
            asked.add("say '" + message + "' on " + callId);
        }
    }
}
