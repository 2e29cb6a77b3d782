package io.switchboard.events.dialer;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.events.request.CallRequest;

/**
 * One step of an admitted request through the dialer's pacing queue, on {@code dialer-queue.v1} keyed by
 * the provider account that will place it ({@link #groupOf}): the partition that key maps to makes one
 * dialer instance the owner of the provider account's limits, and the partition's records, read in order,
 * are all that owner needs to know what waits, what is being dialed and which calls hold a slot.
 *
 * <ul>
 *   <li>{@link Step#QUEUED}: admitted by the account's owner, its wallet held; carries the request;</li>
 *   <li>{@link Step#DIALING}: committed before the provider is asked for attempt {@code attempt}, so that a
 *       new owner reconciles with the provider instead of dialing again;</li>
 *   <li>{@link Step#DEFERRED}: the provider created nothing (rate limited, unreachable); waits again until
 *       {@code notBefore};</li>
 *   <li>{@link Step#PLACED}: the provider has the call ({@code callId}); it holds one of the provider
 *       account's concurrent-call slots until {@link Step#ENDED} or {@code slotUntil};</li>
 *   <li>{@link Step#REJECTED}: it will not be dialed ({@code reason});</li>
 *   <li>{@link Step#ENDED}: billing settled the call: its slot is free;</li>
 *   <li>{@link Step#CANCELLED}: a caller cancelled it ({@code reason}); unless its dialing has begun, the
 *       queue's owner rejects it at once, with that reason, instead of dialing it.</li>
 * </ul>
 *
 * @param providerAccount   the pacing group: the provider and its account id, e.g. {@code twilio/AC…}
 * @param request           for {@link Step#QUEUED}: what to dial; null otherwise
 * @param receivedAt        for {@link Step#QUEUED}: when the dialer received the request (its age is counted from it)
 * @param timeLimitSeconds  for {@link Step#QUEUED}: the longest the call may last once answered
 * @param attempt           which placement attempt a {@link Step#DIALING}, {@link Step#DEFERRED}, {@link Step#PLACED}
 *                          or {@link Step#REJECTED} belongs to, from 1
 * @param callId            the provider's call id, for {@link Step#PLACED} and {@link Step#ENDED}
 * @param reason            why, for {@link Step#DEFERRED}, {@link Step#REJECTED} and {@link Step#CANCELLED}
 * @param notBefore         for {@link Step#DEFERRED}: not asked again before this
 * @param slotUntil         for {@link Step#PLACED}: when its slot frees itself if no settlement arrives
 */
public record QueuedCallRecorded(
        String requestId,
        String accountId,
        String providerAccount,
        Step step,
        Instant recordedAt,
        CallRequest request,
        Instant receivedAt,
        Integer timeLimitSeconds,
        Integer attempt,
        String callId,
        String reason,
        Instant notBefore,
        Instant slotUntil) {

    /** The key of a provider account's records: one pacing group per account at each provider. */
    public static String groupOf(String provider, String providerAccountId) {
        return provider + "/" + providerAccountId;
    }

    public static QueuedCallRecorded queued(
            CallRequest request, String providerAccount, Instant receivedAt, int timeLimitSeconds, Instant at) {
        return new QueuedCallRecorded(
                request.requestId(),
                request.accountId(),
                providerAccount,
                Step.QUEUED,
                at,
                request,
                receivedAt,
                timeLimitSeconds,
                null,
                null,
                null,
                null,
                null);
    }

    public QueuedCallRecorded dialing(int attempt, Instant at) {
        return next(Step.DIALING, at, attempt, null, null, null, null);
    }

    public QueuedCallRecorded deferred(int attempt, String reason, Instant notBefore, Instant at) {
        return next(Step.DEFERRED, at, attempt, null, reason, notBefore, null);
    }

    public QueuedCallRecorded placed(int attempt, String callId, Instant slotUntil, Instant at) {
        return next(Step.PLACED, at, attempt, callId, null, null, slotUntil);
    }

    public QueuedCallRecorded rejected(int attempt, String reason, Instant at) {
        return next(Step.REJECTED, at, attempt, null, reason, null, null);
    }

    public static QueuedCallRecorded ended(
            String requestId, String accountId, String providerAccount, String callId, Instant at) {
        return new QueuedCallRecorded(
                requestId,
                accountId,
                providerAccount,
                Step.ENDED,
                at,
                null,
                null,
                null,
                null,
                callId,
                null,
                null,
                null);
    }

    public static QueuedCallRecorded cancelled(
            String requestId, String accountId, String providerAccount, String reason, Instant at) {
        return new QueuedCallRecorded(
                requestId,
                accountId,
                providerAccount,
                Step.CANCELLED,
                at,
                null,
                null,
                null,
                null,
                null,
                reason,
                null,
                null);
    }

    private QueuedCallRecorded next(
            Step step, Instant at, int attempt, String callId, String reason, Instant notBefore, Instant slotUntil) {
        return new QueuedCallRecorded(
                requestId,
                accountId,
                providerAccount,
                step,
                at,
                null,
                null,
                null,
                attempt,
                callId,
                reason,
                notBefore,
                slotUntil);
    }

    public enum Step {
        QUEUED,
        DIALING,
        DEFERRED,
        PLACED,
        REJECTED,
        ENDED,
        CANCELLED;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Step fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
