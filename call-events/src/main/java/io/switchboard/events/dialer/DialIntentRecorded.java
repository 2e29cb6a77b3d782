package io.switchboard.events.dialer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;

/**
 * The dialer's durable record of one request on {@code dialer-intents.v1}, compacted by account and
 * request id, written by the owner of the account: {@link State#SCHEDULED} while a request waits for its due
 * time (holding nothing); {@link State#INTENDED} when the request is admitted and
 * queued for its provider account (on {@code dialer-queue.v1}, whose owner dials it, see
 * {@link QueuedCallRecorded}), so that later copies of the request are duplicates; {@link State#PLACED} or
 * {@link State#REJECTED} when the queue's owner says so; {@link State#ENDED} once billing has settled the call, or a recurring series has no occurrence left;
 * {@link State#CANCELLED} when a caller cancelled it before it was admitted.
 *
 * <p>An intended or placed call holds part of its account's wallet ({@code held}): what its time limit can
 * cost. The dialer counts holds against the wallet's balance, so that concurrent requests cannot spend the
 * same money; a hold ends with the call, once billing's settlement is in the balance the dialer reads
 * ({@code walletVersion}).
 *
 * @param callId      the provider's call id, when placed
 * @param reason      why it was rejected, scheduled or cancelled; for an ended call, how it ended (the provider's
 *                    final status: completed, busy, no-answer, failed, canceled)
 * @param recordedAt  when this state was decided
 * @param assistantId the assistant the request named, null for the caller id's; the orchestrator answers the
 *                    call with it when the callee picks up, which may come before the call is settled here
 * @param metadata    the request's context, passed to the assistant as stream parameters; empty when none
 * @param timeLimitSeconds the longest the call may last once answered (the provider's time limit); null for a
 *                    rejection and in records written before time limits were recorded
 * @param held        what the call may cost at most, held from its wallet while it is intended or placed; null
 *                    when nothing is held
 * @param currency    the currency of {@code held}
 * @param walletVersion for an ended call, the first version of the wallet whose balance includes billing's
 *                    settlement of it: until the dialer reads that version, the hold still counts
 * @param machineDetection the request's answering machine detection, which the dialer applies when the provider
 *                    reports a machine; null for none
 * @param heldUntil   for an intended or placed call, when its hold stops counting if billing's settlement never
 *                    arrives (the longest it may wait in the queue, its time limit and the dialer's hold lease); null
 *                    when nothing is held
 * @param providerAccount the provider account that places the call, as keyed on {@code dialer-queue.v1}
 *                    ({@link QueuedCallRecorded#groupOf}); null for a rejection before it was queued
 * @param dueAt       for a scheduled request: when it is due next (for a recurring one, its next occurrence)
 * @param request     for a scheduled request: the request itself, admitted when it is due; null otherwise
 */
public record DialIntentRecorded(
        String requestId,
        String accountId,
        String to,
        String from,
        State state,
        String provider,
        String callId,
        String reason,
        Instant recordedAt,
        String assistantId,
        Map<String, String> metadata,
        Integer timeLimitSeconds,
        BigDecimal held,
        String currency,
        Long walletVersion,
        MachineDetection machineDetection,
        Instant heldUntil,
        String providerAccount,
        Instant dueAt,
        CallRequest request) {

    public DialIntentRecorded {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Not scheduled. */
    public DialIntentRecorded(
            String requestId,
            String accountId,
            String to,
            String from,
            State state,
            String provider,
            String callId,
            String reason,
            Instant recordedAt,
            String assistantId,
            Map<String, String> metadata,
            Integer timeLimitSeconds,
            BigDecimal held,
            String currency,
            Long walletVersion,
            MachineDetection machineDetection,
            Instant heldUntil,
            String providerAccount) {
        this(
                requestId,
                accountId,
                to,
                from,
                state,
                provider,
                callId,
                reason,
                recordedAt,
                assistantId,
                metadata,
                timeLimitSeconds,
                held,
                currency,
                walletVersion,
                machineDetection,
                heldUntil,
                providerAccount,
                null,
                null);
    }

    /** Without the request's context: for a rejection that never reaches a call. */
    public DialIntentRecorded(
            String requestId,
            String accountId,
            String to,
            String from,
            State state,
            String provider,
            String callId,
            String reason,
            Instant recordedAt) {
        this(requestId, accountId, to, from, state, provider, callId, reason, recordedAt, null, Map.of());
    }

    /** Without machine detection. */
    public DialIntentRecorded(
            String requestId,
            String accountId,
            String to,
            String from,
            State state,
            String provider,
            String callId,
            String reason,
            Instant recordedAt,
            String assistantId,
            Map<String, String> metadata,
            Integer timeLimitSeconds,
            BigDecimal held,
            String currency,
            Long walletVersion) {
        this(
                requestId,
                accountId,
                to,
                from,
                state,
                provider,
                callId,
                reason,
                recordedAt,
                assistantId,
                metadata,
                timeLimitSeconds,
                held,
                currency,
                walletVersion,
                null,
                null,
                null);
    }

    /** Without a time limit or a hold, as written before wallets were held. */
    public DialIntentRecorded(
            String requestId,
            String accountId,
            String to,
            String from,
            State state,
            String provider,
            String callId,
            String reason,
            Instant recordedAt,
            String assistantId,
            Map<String, String> metadata) {
        this(
                requestId,
                accountId,
                to,
                from,
                state,
                provider,
                callId,
                reason,
                recordedAt,
                assistantId,
                metadata,
                null,
                null,
                null,
                null);
    }

    public enum State {
        SCHEDULED,
        INTENDED,
        PLACED,
        REJECTED,
        ENDED,
        CANCELLED;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static State fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** A request waiting for {@code dueAt}, holding nothing: the request itself is kept to admit it then. */
    public static DialIntentRecorded scheduled(CallRequest request, Instant dueAt, Instant at) {
        return scheduled(request, dueAt, null, at);
    }

    /** As {@link #scheduled(CallRequest, Instant, Instant)}, waiting for {@code reason}, e.g. its calling window. */
    public static DialIntentRecorded scheduled(CallRequest request, Instant dueAt, String reason, Instant at) {
        return new DialIntentRecorded(
                request.requestId(),
                request.accountId(),
                request.to(),
                request.from(),
                State.SCHEDULED,
                null,
                null,
                reason,
                at,
                request.assistantId(),
                request.metadata(),
                null,
                null,
                null,
                null,
                request.machineDetection(),
                null,
                null,
                dueAt,
                request);
    }

    /**
     * This scheduled request no longer waits: {@code state} (cancelled, or ended for a series with no occurrence
     * left) for {@code reason}.
     */
    public DialIntentRecorded unscheduled(State state, String reason, Instant at) {
        return new DialIntentRecorded(
                requestId,
                accountId,
                to,
                from,
                state,
                null,
                null,
                reason,
                at,
                assistantId,
                metadata,
                null,
                null,
                null,
                null,
                machineDetection,
                null,
                null,
                null,
                null);
    }

    /** A request cancelled before it was received: it is refused when it arrives. */
    public static DialIntentRecorded cancelledBeforeReceived(
            String accountId, String requestId, String reason, Instant at) {
        return new DialIntentRecorded(requestId, accountId, null, null, State.CANCELLED, null, null, reason, at);
    }

    /** This record with its hold counting until {@code until} at the latest. */
    public DialIntentRecorded heldUntil(Instant until) {
        return new DialIntentRecorded(
                requestId,
                accountId,
                to,
                from,
                state,
                provider,
                callId,
                reason,
                recordedAt,
                assistantId,
                metadata,
                timeLimitSeconds,
                held,
                currency,
                walletVersion,
                machineDetection,
                until,
                providerAccount,
                dueAt,
                request);
    }

    /** This record in the same state, with {@code newReason}, written {@code at}. */
    public DialIntentRecorded withReason(String newReason, Instant at) {
        return new DialIntentRecorded(
                requestId,
                accountId,
                to,
                from,
                state,
                provider,
                callId,
                newReason,
                at,
                assistantId,
                metadata,
                timeLimitSeconds,
                held,
                currency,
                walletVersion,
                machineDetection,
                heldUntil,
                providerAccount,
                dueAt,
                request);
    }

    /**
     * Whether this record still holds {@code held} of its wallet at {@code now}, for a reader whose latest wallet
     * state is {@code walletVersionRead}: an intended or placed call until its lease ends, an ended one until the
     * wallet state that includes billing's settlement of it is read. The dialer and billing count holds by it.
     */
    public boolean holdsAt(Instant now, long walletVersionRead) {
        if (held == null || held.signum() <= 0) {
            return false;
        }
        return switch (state) {
            case INTENDED, PLACED -> heldUntil == null || !heldUntil.isBefore(now);
            case ENDED -> walletVersion != null && walletVersion > walletVersionRead;
            case SCHEDULED, REJECTED, CANCELLED -> false;
        };
    }

    /** The compaction key: one record per request of an account (request ids are the publishers' own). */
    public static String key(String accountId, String requestId) {
        return accountId + "/" + requestId;
    }

    public String key() {
        return key(accountId, requestId);
    }
}
