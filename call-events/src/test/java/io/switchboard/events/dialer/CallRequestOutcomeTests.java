package io.switchboard.events.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.switchboard.events.call.CallStatus;
import io.switchboard.events.envelope.EventJson;
import org.junit.jupiter.api.Test;

class CallRequestOutcomeTests {

    private static final Instant AT = Instant.parse("2025-03-14T09:25:12Z");

    @Test
    void whenARequestFinishesThenItCarriesTheCallsTerminalStatusAndDuration() {
        // when
        var finished = CallRequestOutcome.finished("req-1", "acme", "CA1", CallStatus.COMPLETED, 42, AT);

        // then
        assertThat(finished.outcome()).isEqualTo(CallRequestOutcome.Outcome.FINISHED);
        assertThat(finished.outcome().wireValue()).isEqualTo("finished");
        assertThat(finished.finalStatus()).isEqualTo(CallStatus.COMPLETED);
        assertThat(finished.durationSeconds()).isEqualTo(42);
        assertThat(finished.callId()).isEqualTo("CA1");
        assertThat(finished.reason()).isNull();
    }

    @Test
    void whenTheStatusIsNotTerminalThenNoRequestFinishesWithIt() {
        assertThatThrownBy(() -> CallRequestOutcome.finished("req-1", "acme", "CA1", CallStatus.RINGING, null, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("terminal");
    }

    @Test
    void whenAnOutcomeWrittenBeforeFinishedExistedIsReadThenItsNewFieldsAreNull() {
        // given a placed outcome as the dialer wrote it before the type had finalStatus and durationSeconds
        byte[] old = """
                {"requestId":"req-1","accountId":"acme","outcome":"placed","reason":null,"field":null,
                 "callId":"CA1","occurredAt":"2025-03-14T09:24:40.218Z"}""".getBytes(StandardCharsets.UTF_8);

        // when
        CallRequestOutcome read = EventJson.read(old, CallRequestOutcome.class);

        // then it reads as the factory makes it
        assertThat(read)
                .isEqualTo(
                        CallRequestOutcome.placed("req-1", "acme", "CA1", Instant.parse("2025-03-14T09:24:40.218Z")));
        assertThat(read.finalStatus()).isNull();
        assertThat(read.durationSeconds()).isNull();
    }
}
