package io.switchboard.dialer.placement.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.events.account.Credential;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import io.switchboard.events.request.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Admits each request of an account at most once, at the account's owner (the instance holding its partition
 * of {@code dialer-requests.v1}), which knows every intent of the account ({@link DialIntents}): a request
 * that passes the {@link DialChecks} gets an intent that holds what its time limit can cost of the wallet and
 * is queued for its provider account, whose owner dials it when the account's limits allow
 * ({@code io.switchboard.dialer.pacing}); a later copy of the request is a duplicate. What the queue's owner
 * then says (placed, rejected), billing's settlement of the call ({@link #end}) and the provider's machine
 * detection ({@link #machineDetected}) come back here, to the intent.
 */
@Service
public class CallPlacement {

    private static final Logger log = LoggerFactory.getLogger(CallPlacement.class);

    private final OutboundCalls provider;
    private final DialChecks checks;
    private final DialIntents intents;
    private final int maxCallSeconds;
    private final Duration maxRequestAge;
    private final Duration holdLease;
    private final Clock clock;

    public CallPlacement(
            OutboundCalls provider, DialChecks checks, DialIntents intents, DialerProperties properties, Clock clock) {
        this.provider = provider;
        this.checks = checks;
        this.intents = intents;
        this.maxCallSeconds = Math.toIntExact(properties.maxCallDuration().toSeconds());
        this.maxRequestAge = properties.maxRequestAge();
        this.holdLease = properties.holdLease();
        this.clock = clock;
    }

    /**
     * Admits a request that has just arrived, unless it was seen before. A request cancelled before it arrived is
     * rejected. (A request due later is not admitted here: see {@code io.switchboard.dialer.schedule}.)
     */
    public Admission admit(int partition, CallRequestReceived received) {
        CallRequest request = received.request();
        Optional<DialIntentRecorded> known = intents.of(partition, request.accountId(), request.requestId());
        if (known.isPresent() && known.get().state() == State.CANCELLED) {
            return rejected(
                    request, "cancelled before it was received (" + known.get().reason() + ")", null);
        }
        if (known.isPresent()) {
            return new Admission.Duplicate(request.requestId());
        }
        return admitNow(partition, request, received.receivedAt());
    }

    /**
     * Checks {@code request} and, if it may be dialed, holds its wallet and queues it for its provider account; its
     * age is counted from {@code receivedAt} (for a scheduled request, when it came due).
     */
    public Admission admitNow(int partition, CallRequest request, Instant receivedAt) {
        Instant now = clock.instant();
        Optional<String> stale = RequestDeadline.whyTooLate(request, receivedAt, maxRequestAge, now);
        if (stale.isPresent()) {
            return rejected(request, stale.get(), null);
        }
        return switch (checks.check(partition, request, provider.name(), null)) {
            case DialChecks.Verdict.Refused refused -> rejected(request, refused.reason(), refused.field());
            case DialChecks.Verdict.Dialable dialable -> {
                String providerAccount = QueuedCallRecorded.groupOf(
                        provider.name(), dialable.credential().providerAccountId());
                Instant queuedFrom = receivedAt == null ? now : receivedAt;
                DialIntentRecorded intended = intent(
                        request,
                        State.INTENDED,
                        null,
                        null,
                        null,
                        dialable.timeLimitSeconds(),
                        dialable.held(),
                        dialable.currency(),
                        providerAccount);
                if (intended.held() != null) {
                    // It may wait in the queue as long as a request may be dialed late, then last its time limit.
                    intended = intended.heldUntil(queuedFrom
                            .plus(maxRequestAge)
                            .plusSeconds(dialable.timeLimitSeconds())
                            .plus(holdLease));
                }
                yield new Admission.Queued(
                        intended,
                        QueuedCallRecorded.queued(
                                request, providerAccount, queuedFrom, dialable.timeLimitSeconds(), now));
            }
        };
    }

    /**
     * The queue's owner placed the request's call: its intent is placed, holding until the call's time limit
     * and the hold lease have passed.
     *
     * @return the placed intent to record, empty when the intent is no longer waiting for it
     */
    public Optional<DialIntentRecorded> placed(int partition, CallPlaced placed) {
        Optional<DialIntentRecorded> known = intents.of(partition, placed.accountId(), placed.requestId());
        if (known.isEmpty() || known.get().state() != State.INTENDED) {
            return Optional.empty();
        }
        DialIntentRecorded intended = known.get();
        DialIntentRecorded placedIntent = new DialIntentRecorded(
                intended.requestId(),
                intended.accountId(),
                intended.to(),
                intended.from(),
                State.PLACED,
                placed.provider(),
                placed.callId(),
                null,
                clock.instant(),
                intended.assistantId(),
                intended.metadata(),
                intended.timeLimitSeconds(),
                intended.held(),
                intended.currency(),
                null,
                intended.machineDetection(),
                null,
                intended.providerAccount(),
                null,
                intended.request());
        if (placedIntent.held() != null) {
            // Past this, a settlement lost on the way no longer keeps the money held (billing shows the same).
            placedIntent = placedIntent.heldUntil(
                    placed.placedAt().plusSeconds(timeLimitOf(intended)).plus(holdLease));
        }
        return Optional.of(placedIntent);
    }

    /**
     * The queue's owner will not dial the request (the provider refused it, it waited too long): its intent is
     * rejected and holds nothing any more.
     *
     * @return the rejected intent to record, empty when the intent is no longer waiting for it
     */
    public Optional<DialIntentRecorded> rejected(int partition, CallRequestRejected rejection) {
        Optional<DialIntentRecorded> known = intents.of(partition, rejection.accountId(), rejection.requestId());
        if (known.isEmpty() || known.get().state() != State.INTENDED) {
            return Optional.empty();
        }
        DialIntentRecorded intended = known.get();
        return Optional.of(new DialIntentRecorded(
                intended.requestId(),
                intended.accountId(),
                intended.to(),
                intended.from(),
                State.REJECTED,
                null,
                null,
                rejection.reason(),
                clock.instant(),
                intended.assistantId(),
                intended.metadata(),
                null,
                null,
                null,
                null,
                intended.machineDetection(),
                null,
                intended.providerAccount(),
                null,
                intended.request()));
    }

    /**
     * Billing has settled the call of a request (charged it, or ended it at no cost) in the wallet state
     * {@code walletVersion}: the request's intent ends, and its hold with it once that state is read.
     *
     * @param finalStatus how the call ended (the provider's final status, e.g. {@code busy}), kept as the ended
     *                    intent's reason for the campaign's progress and the call log
     * @return the ended intent to record, empty when the request holds nothing for that call
     */
    public Optional<DialIntentRecorded> end(
            int partition, String accountId, String requestId, String callId, long walletVersion, String finalStatus) {
        Optional<DialIntentRecorded> known = intents.of(partition, accountId, requestId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        DialIntentRecorded intent = known.get();
        boolean ours = intent.state() == State.PLACED && callId.equals(intent.callId());
        if (!ours && intent.state() != State.INTENDED) {
            return Optional.empty();
        }
        if (intent.state() == State.INTENDED) {
            // Settled before the queue's owner said it was placed: that word is on its way, and changes nothing now.
            log.info(
                    "Request {} of account {} was settled by billing (call {}) while its intent was still intended",
                    requestId,
                    accountId,
                    callId);
        }
        return Optional.of(new DialIntentRecorded(
                intent.requestId(),
                intent.accountId(),
                intent.to(),
                intent.from(),
                State.ENDED,
                intent.provider() == null ? provider.name() : intent.provider(),
                callId,
                // A call a machine took ends "completed" at the provider; for a retry and the campaign's progress it
                // ended on a machine.
                RetryPolicy.MACHINE.equals(intent.reason()) ? RetryPolicy.MACHINE : finalStatus,
                clock.instant(),
                intent.assistantId(),
                intent.metadata(),
                intent.timeLimitSeconds(),
                intent.held(),
                intent.currency(),
                walletVersion,
                intent.machineDetection(),
                null,
                intent.providerAccount(),
                null,
                intent.request()));
    }

    /**
     * The provider says who answered a call placed for a request that asked for machine detection: a machine
     * (or a fax) gets the request's policy, a person or an unknown party nothing.
     *
     * @return what was done
     * @throws ProviderUnavailableException when the provider cannot be asked now (the record is retried)
     */
    public MachinePolicy machineDetected(
            int partition, String accountId, String requestId, String callId, String answeredBy) {
        Optional<DialIntentRecorded> known = intents.of(partition, accountId, requestId);
        MachineDetection detection =
                known.map(DialIntentRecorded::machineDetection).orElse(null);
        if (detection == null || !MachinePolicy.isMachine(answeredBy)) {
            return MachinePolicy.NONE;
        }
        DialIntentRecorded intent = known.get();
        Optional<Credential> credential = checks.credential(accountId, provider.name());
        if (credential.isEmpty()) {
            log.warn(
                    "Call {} of request {}: a machine answered, but account {} has no {} credential to act with",
                    callId,
                    requestId,
                    accountId,
                    provider.name());
            return MachinePolicy.NONE;
        }
        var call = new OutboundCall(
                accountId, requestId, intent.to(), intent.from(), timeLimitOf(intent), credential.get(), detection);
        return switch (detection.onMachine()) {
            case HANG_UP -> {
                provider.hangUp(call, callId);
                yield MachinePolicy.HUNG_UP;
            }
            case LEAVE_MESSAGE -> {
                provider.leaveMessage(call, callId, detection.message());
                yield MachinePolicy.LEFT_MESSAGE;
            }
            case CONNECT -> MachinePolicy.CONNECTED;
        };
    }

    /**
     * A machine took the placed call {@code callId} (its request's machine detection said so): the placed intent,
     * to record, marked so that the call's end counts as {@link RetryPolicy#MACHINE} (for the request's retry policy
     * and its campaign's progress); empty when the request is not placed with that call (any more).
     */
    public Optional<DialIntentRecorded> answeredByMachine(
            int partition, String accountId, String requestId, String callId) {
        return intents.of(partition, accountId, requestId)
                .filter(intent -> intent.state() == State.PLACED && callId.equals(intent.callId()))
                .filter(intent -> !RetryPolicy.MACHINE.equals(intent.reason()))
                .map(intent -> intent.withReason(RetryPolicy.MACHINE, clock.instant()));
    }

    /** {@code request} will not be dialed: its rejection, to publish with its settled intent. */
    public Admission.Rejected rejected(CallRequest request, String reason, String field) {
        return new Admission.Rejected(
                reason, field, intent(request, State.REJECTED, null, null, reason, null, null, null, null));
    }

    /** Every state carries the request's assistant and context: the orchestrator answers the call from them. */
    private DialIntentRecorded intent(
            CallRequest request,
            State state,
            String providerName,
            String callId,
            String reason,
            Integer timeLimitSeconds,
            BigDecimal held,
            String currency,
            String providerAccount) {
        return new DialIntentRecorded(
                request.requestId(),
                request.accountId(),
                request.to(),
                request.from(),
                state,
                providerName,
                callId,
                reason,
                clock.instant(),
                request.assistantId(),
                request.metadata(),
                timeLimitSeconds,
                held,
                currency,
                null,
                request.machineDetection(),
                null,
                providerAccount,
                null,
                // Kept only where a later step needs the whole request: to schedule its retries.
                request.retry() == null ? null : request);
    }

    /** A rejected intent has no time limit; the longest call stands in for it. */
    private int timeLimitOf(DialIntentRecorded intended) {
        return intended.timeLimitSeconds() == null ? maxCallSeconds : intended.timeLimitSeconds();
    }
}
