package io.switchboard.dialer.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.request.CallRequest;
import org.junit.jupiter.api.Test;

class CancellationsTests {

    private static final int PARTITION = 2;
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant CANCELLED_AT = NOW.minusSeconds(5);
    private static final String PROVIDER_ACCOUNT = "twilio/AC-acme";

    private final DialIntents intents = new DialIntents();
    private final Cancellations cancellations = new Cancellations(intents, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whenTheRequestIsUnknownThenItIsMarkedCancelledToBeRefusedWhenItArrives() {
        Cancellations.Cancellation cancellation = cancellations.cancel(PARTITION, cancelled("r1", "ops@acme"));

        assertThat(cancellation).isInstanceOfSatisfying(Cancellations.Cancellation.Cancelled.class, cancelled -> {
            DialIntentRecorded intent = cancelled.intent();
            assertThat(intent.state()).isEqualTo(State.CANCELLED);
            assertThat(intent.key()).isEqualTo("acme/r1");
            assertThat(intent.reason()).isEqualTo("cancelled by ops@acme at " + CANCELLED_AT);
            assertThat(intent.recordedAt()).isEqualTo(NOW);
            assertThat(intent.held()).isNull();
        });
    }

    @Test
    void whenTheRequestIsScheduledThenItIsCancelledAndNoLongerComesDue() {
        CallRequest request = new CallRequest(
                "r1",
                "acme",
                "+14155552671",
                "+14155550123",
                "sales",
                Map.of(),
                null,
                null,
                null,
                NOW.plusSeconds(3600),
                null,
                null,
                null);
        intents.record(PARTITION, DialIntentRecorded.scheduled(request, NOW.plusSeconds(3600), NOW.minusSeconds(60)));

        Cancellations.Cancellation cancellation = cancellations.cancel(PARTITION, cancelled("r1", "ops@acme"));

        assertThat(cancellation).isInstanceOfSatisfying(Cancellations.Cancellation.Cancelled.class, cancelled -> {
            DialIntentRecorded intent = cancelled.intent();
            assertThat(intent.state()).isEqualTo(State.CANCELLED);
            assertThat(intent.key()).isEqualTo("acme/r1");
            assertThat(intent.reason()).contains("cancelled by ops@acme");
            assertThat(intent.dueAt()).isNull();
            assertThat(intent.request()).isNull();
            assertThat(intent.assistantId()).isEqualTo("sales");
            intents.record(PARTITION, intent);
        });
        assertThat(intents.scheduled()).as("its due time is no longer watched").isEmpty();
    }

    @Test
    void whenTheCancellationNamesNoOneThenTheReasonSaysACaller() {
        assertThat(cancellations.cancel(PARTITION, cancelled("r1", null)))
                .isInstanceOfSatisfying(
                        Cancellations.Cancellation.Cancelled.class,
                        cancelled -> assertThat(cancelled.intent().reason()).startsWith("cancelled by a caller at "));
    }

    @Test
    void whenTheRequestIsQueuedThenItsQueuesOwnerIsToldToTakeItOut() {
        intents.record(PARTITION, intent("r1", State.INTENDED, PROVIDER_ACCOUNT));

        Cancellations.Cancellation cancellation = cancellations.cancel(PARTITION, cancelled("r1", "ops@acme"));

        assertThat(cancellation).isInstanceOfSatisfying(Cancellations.Cancellation.Unqueued.class, unqueued -> {
            QueuedCallRecorded step = unqueued.step();
            assertThat(step.step()).isEqualTo(QueuedCallRecorded.Step.CANCELLED);
            assertThat(step.providerAccount())
                    .as("keyed to the queue that holds it")
                    .isEqualTo(PROVIDER_ACCOUNT);
            assertThat(step.requestId()).isEqualTo("r1");
            assertThat(step.accountId()).isEqualTo("acme");
            assertThat(step.reason()).isEqualTo("cancelled by ops@acme at " + CANCELLED_AT);
            assertThat(step.recordedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void whenAnIntendedRequestNamesNoQueueThenNothingCanBeTakenOut() {
        intents.record(PARTITION, intent("r1", State.INTENDED, null));

        assertThat(cancellations.cancel(PARTITION, cancelled("r1", "ops@acme")))
                .isEqualTo(new Cancellations.Cancellation.Unchanged(State.INTENDED));
    }

    @Test
    void whenTheRequestIsPlacedSettledRejectedOrCancelledThenItIsUnchanged() {
        intents.record(PARTITION, intent("r1", State.PLACED, PROVIDER_ACCOUNT));
        intents.record(PARTITION, intent("r2", State.ENDED, PROVIDER_ACCOUNT));
        intents.record(PARTITION, intent("r3", State.REJECTED, null));
        intents.record(PARTITION, DialIntentRecorded.cancelledBeforeReceived("acme", "r4", "cancelled by ops", NOW));

        assertThat(cancellations.cancel(PARTITION, cancelled("r1", "ops@acme")))
                .isEqualTo(new Cancellations.Cancellation.Unchanged(State.PLACED));
        assertThat(cancellations.cancel(PARTITION, cancelled("r2", "ops@acme")))
                .isEqualTo(new Cancellations.Cancellation.Unchanged(State.ENDED));
        assertThat(cancellations.cancel(PARTITION, cancelled("r3", "ops@acme")))
                .isEqualTo(new Cancellations.Cancellation.Unchanged(State.REJECTED));
        assertThat(cancellations.cancel(PARTITION, cancelled("r4", "ops@acme")))
                .isEqualTo(new Cancellations.Cancellation.Unchanged(State.CANCELLED));
    }

    private static CallRequestCancelled cancelled(String requestId, String cancelledBy) {
        return new CallRequestCancelled(requestId, "acme", CANCELLED_AT, cancelledBy);
    }

    private static DialIntentRecorded intent(String requestId, State state, String providerAccount) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155552671",
                "+14155550123",
                state,
                state == State.PLACED || state == State.ENDED ? "twilio" : null,
                state == State.PLACED || state == State.ENDED ? "CA-" + requestId : null,
                state == State.REJECTED ? "expired" : null,
                NOW.minusSeconds(60),
                "sales",
                Map.of(),
                60,
                state == State.REJECTED ? null : new BigDecimal("0.05"),
                state == State.REJECTED ? null : "USD",
                null,
                null,
                null,
                providerAccount);
    }
}
