package io.switchboard.orchestrator.call.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.provider.CallStatusReported;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import io.switchboard.orchestrator.call.domain.AnsweringMachineFact;
import org.junit.jupiter.api.Test;

class ProviderEventFactsTests {

    private final ProviderEventFacts facts = new ProviderEventFacts(new AccountDirectory());

    @Test
    void whenAnsweringMachineIsDetectedThenItIsADetectionOfTheCallNotAStatus() {
        // given an AMD result: it tells who answered, not a change of the call's status
        Instant at = Instant.parse("2025-03-14T09:27:05Z");
        var detected = new AnsweringMachineDetected(
                "twilio", "acme", "CA9e2b", "machine_end_beep", 4120, at, "crm:2025-03-14:000187");
        var event = new ReceivedEvent<Object>(
                "id-1", EventTypes.ANSWERING_MACHINE_DETECTED.token(), "CA9e2b", at, detected);

        // when / then
        assertThat(facts.factOf(event)).isEmpty();
        assertThat(facts.detectionOf(event))
                .contains(new AnsweringMachineFact(new CallKey("twilio", "acme", "CA9e2b"), "machine_end_beep", at));
    }

    @Test
    void whenADetectionNamesNobodyWhoAnsweredOrNoAccountThenItIsRejected() {
        Instant at = Instant.parse("2025-03-14T09:27:05Z");
        var blank = new AnsweringMachineDetected("twilio", "acme", "CA9e2b", " ", null, at);
        var noAccount = new AnsweringMachineDetected("twilio", null, "CA9e2b", "human", null, at);

        assertThatThrownBy(() -> facts.detectionOf(new ReceivedEvent<Object>(
                        "id-2", EventTypes.ANSWERING_MACHINE_DETECTED.token(), "CA9e2b", at, blank)))
                .isInstanceOf(RejectedEventException.class)
                .hasMessageContaining("who answered");
        assertThatThrownBy(() -> facts.detectionOf(new ReceivedEvent<Object>(
                        "id-3", EventTypes.ANSWERING_MACHINE_DETECTED.token(), "CA9e2b", at, noAccount)))
                .isInstanceOf(RejectedEventException.class)
                .hasMessageContaining("accountId");
    }

    @Test
    void whenAStatusIsReportedThenItIsNoDetection() {
        assertThat(facts.detectionOf(statusEvent("acme", "twilio", "CA9e2b"))).isEmpty();
    }

    @Test
    void whenACallbackOfAnotherAccountNamesACallIdThenItsFactIsAboutThatAccountsCall() {
        // given account B's verified status callback naming a CallSid that account acme also knows
        var event = statusEvent("account-b", "twilio", "CA9e2b");

        // when / then
        assertThat(facts.factOf(event))
                .get()
                .extracting(fact -> fact.key())
                .isEqualTo(new CallKey("twilio", "account-b", "CA9e2b"));
    }

    @Test
    void whenACallEventNamesNoAccountOrProviderThenItIsRejected() {
        assertThatThrownBy(() -> facts.factOf(statusEvent(null, "twilio", "CA9e2b")))
                .isInstanceOf(RejectedEventException.class)
                .hasMessageContaining("accountId");
        assertThatThrownBy(() -> facts.factOf(statusEvent("acme", null, "CA9e2b")))
                .isInstanceOf(RejectedEventException.class)
                .hasMessageContaining("provider");
    }

    private static ReceivedEvent<Object> statusEvent(String accountId, String provider, String callId) {
        Instant at = Instant.parse("2025-03-14T09:27:05Z");
        var reported = new CallStatusReported(
                provider,
                accountId,
                "AC-test",
                callId,
                CallStatus.COMPLETED,
                null,
                null,
                null,
                86_400,
                3,
                at,
                null,
                null,
                null,
                at);
        return new ReceivedEvent<>("id-2", EventTypes.CALL_STATUS_REPORTED.token(), callId, at, reported);
    }
}
