package io.switchboard.orchestrator.call.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.orchestrator.account.domain.AccountDirectory;
import org.junit.jupiter.api.Test;

class ProviderEventFactsTests {

    private final ProviderEventFacts facts = new ProviderEventFacts(new AccountDirectory());

    @Test
    void whenAnsweringMachineIsDetectedThenNoCallStateFactIsDerived() {
        // given an AMD result: it tells who answered, not a change of the call's status
        Instant at = Instant.parse("2025-03-14T09:27:05Z");
        var detected = new AnsweringMachineDetected("twilio", "acme", "CA9e2b", "machine_end_beep", 4120, at);
        var event = new ReceivedEvent<Object>(
                "id-1", EventTypes.ANSWERING_MACHINE_DETECTED.token(), "CA9e2b", at, detected);

        // when / then
        assertThat(facts.factOf(event)).isEmpty();
    }
}
