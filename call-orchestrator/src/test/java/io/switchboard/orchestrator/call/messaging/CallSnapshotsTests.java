package io.switchboard.orchestrator.call.messaging;

import static io.switchboard.events.call.CallStatus.BUSY;
import static io.switchboard.events.call.CallStatus.INITIATED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.call.CallDirection;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.call.CallTransition;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.orchestrator.call.domain.Call;
import org.junit.jupiter.api.Test;

class CallSnapshotsTests {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void whenTheSameSnapshotIsPublishedAgainThenItKeepsItsId() {
        // given a busy call, when its snapshot is built twice (a redelivery after a rollback)
        Call busy = busy(List.of(step(INITIATED, 0), step(BUSY, 2)));

        // then both carry the id of status and timeline length, and the snapshot round-trips
        assertThat(CallSnapshots.eventId(busy))
                .isEqualTo(CallSnapshots.eventId(busy(busy.timeline())))
                .isEqualTo(EventIds.of("call-state", "twilio:acme:CA1", "busy", "2"));
        assertThat(CallSnapshots.toCall(CallSnapshots.toEvent(busy))).isEqualTo(busy);
    }

    @Test
    void whenALateStepCorrectsTheSnapshotThenItGetsANewId() {
        // given a busy call, when a late ringing step is added to its timeline
        Call busy = busy(List.of(step(INITIATED, 0), step(BUSY, 2)));
        Call corrected = busy(List.of(step(INITIATED, 0), step(RINGING, 1), step(BUSY, 2)));

        // then readers that deduplicate by id do not take the correction for the earlier snapshot
        assertThat(CallSnapshots.eventId(corrected))
                .isNotEqualTo(CallSnapshots.eventId(busy))
                .isEqualTo(EventIds.of("call-state", "twilio:acme:CA1", "busy", "3"));
    }

    @Test
    void whenTwoAccountsHaveCallsWithOneProviderCallIdThenTheirSnapshotsHaveDifferentIdsAndKeys() {
        // given acme's busy call and account B's call with the same CallSid in the same state
        Call ofAcme = busy(List.of(step(INITIATED, 0), step(BUSY, 2)));
        Call ofB = new Call(
                new CallKey("twilio", "account-b", "CA1"),
                ofAcme.direction(),
                ofAcme.from(),
                ofAcme.to(),
                ofAcme.assistantId(),
                ofAcme.requestId(),
                ofAcme.status(),
                ofAcme.previousStatus(),
                ofAcme.durationSeconds(),
                ofAcme.timeline(),
                ofAcme.changedAt(),
                ofAcme.answeredBy());

        // then a reader deduplicating by id cannot take one for the other, and each round-trips to its own call
        assertThat(CallSnapshots.eventId(ofB)).isNotEqualTo(CallSnapshots.eventId(ofAcme));
        assertThat(CallSnapshots.toEvent(ofB).accountId()).isEqualTo("account-b");
        assertThat(CallSnapshots.toEvent(ofB).callId()).isEqualTo("CA1");
        assertThat(CallSnapshots.toCall(CallSnapshots.toEvent(ofB))).isEqualTo(ofB);
    }

    @Test
    void whenWhoAnsweredIsLearntThenTheSnapshotGetsANewIdAndRoundTripsWithIt() {
        // given a busy call, and the same call once its answering machine detection is known
        Call busy = busy(List.of(step(INITIATED, 0), step(BUSY, 2)));
        Call answered = answered(busy, "machine_end_beep");

        // then the snapshot that records it is not taken for the one before, and the rebuilt call knows it
        assertThat(CallSnapshots.eventId(answered))
                .isNotEqualTo(CallSnapshots.eventId(busy))
                .isEqualTo(CallSnapshots.eventId(answered(busy, "machine_end_beep")))
                .isEqualTo(
                        EventIds.of("call-state", "twilio:acme:CA1", "busy", "2", "answered-by", "machine_end_beep"));
        assertThat(CallSnapshots.toEvent(answered).answeredBy()).isEqualTo("machine_end_beep");
        assertThat(CallSnapshots.toEvent(busy).answeredBy()).isNull();
        assertThat(CallSnapshots.toCall(CallSnapshots.toEvent(answered))).isEqualTo(answered);
    }

    private static Call answered(Call call, String answeredBy) {
        return new Call(
                call.key(),
                call.direction(),
                call.from(),
                call.to(),
                call.assistantId(),
                call.requestId(),
                call.status(),
                call.previousStatus(),
                call.durationSeconds(),
                call.timeline(),
                call.changedAt(),
                answeredBy);
    }

    private static Call busy(List<CallTransition> timeline) {
        return new Call(
                new CallKey("twilio", "acme", "CA1"),
                CallDirection.OUTBOUND,
                "+14155550100",
                "+14155550199",
                "sales",
                "req-1",
                BUSY,
                INITIATED,
                0,
                timeline,
                T0.plusSeconds(3),
                null);
    }

    private static CallTransition step(CallStatus status, int sequenceNumber) {
        return new CallTransition(status, T0.plusSeconds(1 + sequenceNumber), sequenceNumber);
    }
}
