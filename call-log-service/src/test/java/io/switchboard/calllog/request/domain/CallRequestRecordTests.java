package io.switchboard.calllog.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestRejected;
import org.junit.jupiter.api.Test;

class CallRequestRecordTests {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final RequestOutcome ACCEPTED = RequestOutcome.of(CallRequestOutcome.accepted("req-1", "acme", T0));
    private static final RequestOutcome PLACED =
            RequestOutcome.of(CallRequestOutcome.placed("req-1", "acme", "CA1", T0.plusSeconds(2)));
    private static final RequestOutcome FINISHED = RequestOutcome.of(
            CallRequestOutcome.finished("req-1", "acme", "CA1", CallStatus.BUSY, null, T0.plusSeconds(20)));
    private static final RequestOutcome REJECTED = RequestOutcome.of(CallRequestOutcome.rejected(
            new CallRequestRejected("req-1", "acme", "expired before it was dialed", "expiresAt", T0.plusSeconds(1))));

    @Test
    void whenOutcomesAreHeardInAnyOrderThenTheRecordIsTheSame() {
        // given every order of accepted, placed and finished
        CallRequestRecord inOrder = CallRequestRecord.of("req-1", "acme", List.of(ACCEPTED, PLACED, FINISHED));
        List<RequestOutcome> shuffled = new ArrayList<>(List.of(ACCEPTED, PLACED, FINISHED));
        for (int i = 0; i < 6; i++) {
            Collections.rotate(shuffled, 1);
            if (i == 3) {
                Collections.swap(shuffled, 0, 1);
            }

            // then
            assertThat(CallRequestRecord.of("req-1", "acme", shuffled)).isEqualTo(inOrder);
        }
        assertThat(inOrder.state()).isEqualTo(RequestState.FINISHED);
        assertThat(inOrder.callId()).isEqualTo("CA1");
        assertThat(inOrder.finalStatus()).isEqualTo("busy");
        assertThat(inOrder.durationSeconds()).isNull();
        assertThat(inOrder.outcomes())
                .extracting(RequestOutcome::outcome)
                .containsExactly("accepted", "placed", "finished");
    }

    @Test
    void whenOnlyAcceptedAndPlacedAreHeardThenItIsPlacedWithItsCall() {
        CallRequestRecord record = CallRequestRecord.of("req-1", "acme", List.of(PLACED, ACCEPTED));

        assertThat(record.state()).isEqualTo(RequestState.PLACED);
        assertThat(record.callId()).isEqualTo("CA1");
        assertThat(record.finalStatus()).isNull();
    }

    @Test
    void whenAScheduledRequestIsHeardThenItIsScheduledWithItsDueTimeUntilItIsAccepted() {
        Instant dueAt = T0.plusSeconds(3600);
        var scheduled = RequestOutcome.of(CallRequestOutcome.scheduled("req-1", "acme", dueAt, T0.minusSeconds(60)));

        CallRequestRecord waiting = CallRequestRecord.of("req-1", "acme", List.of(scheduled));
        assertThat(waiting.state()).isEqualTo(RequestState.SCHEDULED);
        assertThat(waiting.dueAt()).isEqualTo(dueAt);

        CallRequestRecord placed = CallRequestRecord.of("req-1", "acme", List.of(PLACED, scheduled, ACCEPTED));
        assertThat(placed.state()).isEqualTo(RequestState.PLACED);
        assertThat(placed.dueAt()).as("kept once it fired").isEqualTo(dueAt);
        assertThat(placed.outcomes())
                .extracting(RequestOutcome::outcome)
                .containsExactly("scheduled", "accepted", "placed");
    }

    @Test
    void whenRejectedThenItStaysRejectedWhateverComesLateWithItsReasonAndField() {
        CallRequestRecord record = CallRequestRecord.of("req-1", "acme", List.of(REJECTED, ACCEPTED));

        assertThat(record.state()).isEqualTo(RequestState.REJECTED);
        assertThat(record.reason()).isEqualTo("expired before it was dialed");
        assertThat(record.field()).isEqualTo("expiresAt");
        assertThat(record.callId()).isNull();
        assertThat(record.outcomes()).extracting(RequestOutcome::outcome).containsExactly("accepted", "rejected");
    }

    @Test
    void whenNothingWasHeardThenThereIsNoRecord() {
        assertThatThrownBy(() -> CallRequestRecord.of("req-1", "acme", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
