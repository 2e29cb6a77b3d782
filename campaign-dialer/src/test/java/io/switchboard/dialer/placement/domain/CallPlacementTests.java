package io.switchboard.dialer.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.support.DialerViews;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import org.junit.jupiter.api.Test;

class CallPlacementTests {

    private static final int PARTITION = 2;
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Map<String, String> METADATA = Map.of("campaign", "renewals", "customerRef", "CRM-187");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final DialIntents intents = new DialIntents();
    private final List<DialIntentRecorded> committed = new ArrayList<>();
    private final IntentLog intentLog = (partition, intent) -> {
        assertThat(partition).isEqualTo(PARTITION);
        committed.add(intent);
    };
    private final DialerViews views = new DialerViews()
            .account("acme", "+14155550123", "sales", "scripted")
            .wallet("acme", "50.00", "0.05", 1);
    private final CallPlacement placement = new CallPlacement(
            provider,
            new DialChecks(
                    views.accounts,
                    views.wallets,
                    new WalletHolds(intents, properties(), clock),
                    properties(),
                    views.doNotCall),
            intents,
            intentLog,
            properties(),
            clock);

    @Test
    void whenANewRequestIsAdmittedThenItsIntentIsCommittedBeforeTheProviderIsAsked() {
        provider.answers(new ProviderResult.Accepted("CA1"));

        Admission admission = placement.admit(PARTITION, received("r1"));

        assertThat(provider.intentsCommittedAtEachPlacement).containsExactly(1);
        assertThat(committed).singleElement().satisfies(intent -> {
            assertThat(intent.state()).isEqualTo(State.INTENDED);
            assertThat(intent.key()).isEqualTo("acme/r1");
            assertThat(intent.assistantId())
                    .as("the orchestrator answers with it")
                    .isEqualTo("sales");
            assertThat(intent.metadata()).isEqualTo(request("r1").metadata());
        });
        assertThat(admission).isInstanceOfSatisfying(Admission.Placed.class, placed -> {
            assertThat(placed.event().callId()).isEqualTo("CA1");
            assertThat(placed.event().provider()).isEqualTo("scripted");
            assertThat(placed.event().metadata()).isEqualTo(METADATA);
            assertThat(placed.settled().state()).isEqualTo(State.PLACED);
            assertThat(placed.settled().callId()).isEqualTo("CA1");
        });
    }

    @Test
    void whenTheRequestsIntentIsSettledThenItIsADuplicateAndNothingIsAsked() {
        intents.record(PARTITION, intent("r1", State.PLACED, "CA1"));

        assertThat(placement.admit(PARTITION, received("r1"))).isEqualTo(new Admission.Duplicate("r1"));
        assertThat(provider.placements).isZero();
        assertThat(committed).isEmpty();
    }

    @Test
    void whenOnlyIntendedAndTheProviderHasTheCallThenItIsAdoptedNotPlacedAgain() {
        intents.record(PARTITION, intent("r1", State.INTENDED, null));
        intents.record(PARTITION, intent("r0", State.PLACED, "CA0"));
        provider.lists("CA7");

        Admission admission = placement.admit(PARTITION, received("r1"));

        assertThat(provider.placements).isZero();
        assertThat(provider.excluded).containsExactly(Set.of("CA0"));
        assertThat(provider.since).containsExactly(NOW.minusSeconds(30));
        assertThat(admission).isInstanceOfSatisfying(Admission.Placed.class, placed -> {
            assertThat(placed.event().callId()).isEqualTo("CA7");
            assertThat(placed.event().metadata()).isEqualTo(METADATA);
        });
    }

    @Test
    void whenOnlyIntendedAndTheProviderListsNothingOnceTrustedThenItIsPlaced() {
        intents.record(PARTITION, intent("r1", State.INTENDED, null, NOW.minusSeconds(11)));
        provider.lists().answers(new ProviderResult.Accepted("CA2"));

        Admission admission = placement.admit(PARTITION, received("r1"));

        assertThat(provider.placements).isEqualTo(1);
        assertThat(committed)
                .as("the request is checked again and its intent recorded anew, with what its wallet pays for now")
                .singleElement()
                .satisfies(intent -> {
                    assertThat(intent.state()).isEqualTo(State.INTENDED);
                    assertThat(intent.recordedAt()).isEqualTo(NOW);
                    assertThat(intent.timeLimitSeconds()).isEqualTo(3600);
                    assertThat(intent.held()).isEqualByComparingTo("3.00");
                });
        assertThat(admission).isInstanceOf(Admission.Placed.class);
    }

    @Test
    void whenOnlyIntendedAndNothingWasCreatedButTheRequestHasExpiredMeanwhileThenItIsRejectedNotPlacedLate() {
        intents.record(PARTITION, intent("r1", State.INTENDED, null, NOW.minusSeconds(11)));
        provider.lists();
        var expired = new CallRequestReceived(
                new CallRequest("r1", "acme", "+14155552671", "+14155550123", "sales", METADATA, NOW), "crm", NOW);

        assertThat(placement.admit(PARTITION, expired))
                .isInstanceOfSatisfying(
                        Admission.Rejected.class,
                        rejected -> assertThat(rejected.reason()).startsWith("expired at"));
        assertThat(provider.placements).isZero();
    }

    @Test
    void whenOnlyIntendedAndTheListIsNotYetTrustedThenTheRequestWaits() {
        intents.record(PARTITION, intent("r1", State.INTENDED, null, NOW.minusSeconds(5)));
        provider.lists();

        assertThatThrownBy(() -> placement.admit(PARTITION, received("r1")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("does not list yet");
        assertThat(provider.placements).isZero();
    }

    @Test
    void whenTheAnswerIsUncertainAndTheCallIsListedThenItIsAdoptedWithoutASecondPlacement() {
        provider.answers(new ProviderResult.Unknown("Twilio HTTP 503")).lists("CA3");

        Admission admission = placement.admit(PARTITION, received("r1"));

        assertThat(provider.placements).isEqualTo(1);
        assertThat(admission)
                .isInstanceOfSatisfying(
                        Admission.Placed.class,
                        placed -> assertThat(placed.event().callId()).isEqualTo("CA3"));
    }

    @Test
    void whenTheAnswerIsUncertainAndNothingIsListedThenTheRequestWaitsWithItsIntentInDoubt() {
        provider.answers(new ProviderResult.Unknown("read timed out")).lists();

        assertThatThrownBy(() -> placement.admit(PARTITION, received("r1")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("uncertain");
        assertThat(provider.placements).isEqualTo(1);
        assertThat(intents.of(PARTITION, "acme", "r1"))
                .get()
                .extracting(DialIntentRecorded::state)
                .isEqualTo(State.INTENDED);
    }

    @Test
    void whenTheProviderCertainlyCreatedNothingThenTheRequestWaitsToBePlacedLater() {
        provider.answers(new ProviderResult.NotCreated("Twilio error 20429"));

        assertThatThrownBy(() -> placement.admit(PARTITION, received("r1")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("20429");
    }

    @Test
    void whenTheProviderRefusesThenTheRequestIsRejectedWithItsWords() {
        provider.answers(new ProviderResult.Refused("Twilio error 21211: invalid To"));

        Admission admission = placement.admit(PARTITION, received("r1"));

        assertThat(admission).isInstanceOfSatisfying(Admission.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo("Twilio error 21211: invalid To");
            assertThat(rejected.settled().state()).isEqualTo(State.REJECTED);
        });
    }

    @Test
    void whenTheRequestHasExpiredOrWaitedTooLongThenItIsRejectedWithoutAnIntentOrACall() {
        var expired = new CallRequestReceived(
                new CallRequest("r1", "acme", "+14155552671", "+14155550123", null, Map.of(), NOW), "crm", NOW);
        var old = new CallRequestReceived(request("r2"), "crm", NOW.minus(Duration.ofHours(25)));

        assertThat(placement.admit(PARTITION, expired))
                .isInstanceOfSatisfying(
                        Admission.Rejected.class,
                        rejected -> assertThat(rejected.reason()).startsWith("expired at 2026-12-03T10:00:00Z"));
        assertThat(placement.admit(PARTITION, old))
                .isInstanceOfSatisfying(
                        Admission.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("switchboard.dialer.max-request-age"));
        assertThat(provider.placements).isZero();
        assertThat(committed).isEmpty();
    }

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

        assertThat(provider.updates)
                .as("on the account's own provider account")
                .containsExactly("hang up CA-hang as AC-acme", "say 'Please call back' on CA-msg");
    }

    @Test
    void whenTheRequestAskedForNoDetectionOrIsUnknownThenAMachineChangesNothing() {
        intents.record(PARTITION, intent("r1", State.PLACED, "CA1"));

        assertThat(placement.machineDetected(PARTITION, "acme", "r1", "CA1", "machine_start"))
                .isEqualTo(MachinePolicy.NONE);
        assertThat(placement.machineDetected(PARTITION, "acme", "nobody", "CA9", "machine_start"))
                .isEqualTo(MachinePolicy.NONE);
        assertThat(provider.updates).isEmpty();
    }

    @Test
    void whenARequestAsksForDetectionThenItsIntentsCarryThePolicy() {
        provider.answers(new ProviderResult.Accepted("CA1"));
        var detection = new MachineDetection(MachineDetection.OnMachine.LEAVE_MESSAGE, "Please call back");
        var request =
                new CallRequest("r1", "acme", "+14155552671", "+14155550123", "sales", METADATA, null, null, detection);

        Admission admission = placement.admit(PARTITION, new CallRequestReceived(request, "crm", NOW));

        assertThat(committed)
                .singleElement()
                .satisfies(intent -> assertThat(intent.machineDetection()).isEqualTo(detection));
        assertThat(admission)
                .isInstanceOfSatisfying(
                        Admission.Placed.class,
                        placed ->
                                assertThat(placed.settled().machineDetection()).isEqualTo(detection));
    }

    private void record(DialIntentRecorded intent) {
        intents.record(PARTITION, intent);
    }

    private DialIntentRecorded machineIntent(
            String requestId, String callId, MachineDetection.OnMachine onMachine, String message) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                State.PLACED,
                "scripted",
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
                null);
    }

    private CallRequestReceived received(String requestId) {
        return new CallRequestReceived(request(requestId), "crm", NOW);
    }

    private static CallRequest request(String requestId) {
        return new CallRequest(requestId, "acme", "+14155552671", "+14155550123", "sales", METADATA);
    }

    private DialIntentRecorded intent(String requestId, State state, String callId) {
        return intent(requestId, state, callId, NOW);
    }

    private DialIntentRecorded intent(String requestId, State state, String callId, Instant recordedAt) {
        return new DialIntentRecorded(
                requestId, "acme", "+14155552671", "+14155550123", state, "scripted", callId, null, recordedAt);
    }

    private static DialerProperties properties() {
        return new DialerProperties(
                URI.create("https://ingress.example.com"),
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofSeconds(10),
                Duration.ofHours(6),
                "",
                new DialerProperties.Twilio(
                        URI.create("https://api.twilio.com"),
                        Duration.ofSeconds(10),
                        new DialerProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1))));
    }

    /** Answers placements as scripted and lists what it is told to, recording what it was asked. */
    private final class ScriptedProvider implements OutboundCalls {

        private final Deque<ProviderResult> answers = new ArrayDeque<>();
        private Optional<String> listed = Optional.empty();
        private int placements;
        private final List<Integer> intentsCommittedAtEachPlacement = new ArrayList<>();
        private final List<Set<String>> excluded = new ArrayList<>();
        private final List<Instant> since = new ArrayList<>();
        private final List<String> updates = new ArrayList<>();

        ScriptedProvider answers(ProviderResult result) {
            answers.add(result);
            return this;
        }

        ScriptedProvider lists(String... callIds) {
            listed = callIds.length == 0 ? Optional.empty() : Optional.of(callIds[0]);
            return this;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public ProviderResult place(OutboundCall call) {
            placements++;
            intentsCommittedAtEachPlacement.add(committed.size());
            return answers.remove();
        }

        @Override
        public Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted) {
            excluded.add(adopted);
            since.add(createdSince);
            return listed;
        }

        @Override
        public void hangUp(OutboundCall call, String callId) {
            updates.add("hang up " + callId + " as " + call.credential().providerAccountId());
        }

        @Override
        public void leaveMessage(OutboundCall call, String callId, String message) {
            updates.add("say '" + message + "' on " + callId);
        }
    }
}
