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
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import io.switchboard.events.request.CallRequest;
import io.switchboard.events.request.MachineDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Places each request of an account at most once, across redeliveries, restarts and rebalances. It runs
 * at the account's owner (the instance holding its partition of {@code dialer-requests.v1}), which knows
 * every intent of the account ({@link DialIntents}):
 *
 * <ul>
 *   <li>a request whose intent is settled (placed or rejected) is a duplicate;</li>
 *   <li>a new one gets an intent committed on its own before the provider is asked for the call;</li>
 *   <li>one whose intent is still only intended (a crash, a rollback or an uncertain answer came between
 *       the intent and its settlement) is reconciled: the provider's call for it is adopted if there is one,
 *       and only when the provider lists none is it placed.</li>
 * </ul>
 *
 * An uncertain answer from the provider is never followed by another placement of the same call; what
 * certainly created nothing is retried later ({@link ProviderUnavailableException}). Before a request's
 * first placement it must pass the {@link DialChecks}; the intent records the time limit the call is given
 * and what it holds of the wallet, until billing's settlement of the call ends it ({@link #end}).
 */
@Service
public class CallPlacement {

    private static final Logger log = LoggerFactory.getLogger(CallPlacement.class);

    /** How far the provider's clock may be behind ours when comparing its creation times with an intent's. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final OutboundCalls provider;
    private final DialChecks checks;
    private final DialIntents intents;
    private final IntentLog intentLog;
    private final int maxCallSeconds;
    private final Duration maxRequestAge;
    private final Duration listingDelay;
    private final Duration holdLease;
    private final Clock clock;

    public CallPlacement(
            OutboundCalls provider,
            DialChecks checks,
            DialIntents intents,
            IntentLog intentLog,
            DialerProperties properties,
            Clock clock) {
        this.provider = provider;
        this.checks = checks;
        this.intents = intents;
        this.intentLog = intentLog;
        this.maxCallSeconds = Math.toIntExact(properties.maxCallDuration().toSeconds());
        this.maxRequestAge = properties.maxRequestAge();
        this.listingDelay = properties.providerListingDelay();
        this.holdLease = properties.holdLease();
        this.clock = clock;
    }

    public Admission admit(int partition, CallRequestReceived received) {
        CallRequest request = received.request();
        Optional<DialIntentRecorded> known = intents.of(partition, request.accountId(), request.requestId());
        if (known.isPresent() && known.get().state().settles()) {
            return new Admission.Duplicate(request.requestId());
        }
        if (known.isPresent()) {
            return reconcile(partition, received, known.get());
        }
        Optional<String> stale = whyTooLate(received);
        if (stale.isPresent()) {
            return rejected(request, stale.get(), null);
        }
        return place(partition, request, null);
    }

    /**
     * Billing has settled the call of a request (charged it, or ended it at no cost) in the wallet state
     * {@code walletVersion}: the request's intent ends, and its hold with it once that state is read.
     *
     * @return the ended intent to record, empty when the request holds nothing for that call
     */
    public Optional<DialIntentRecorded> end(
            int partition, String accountId, String requestId, String callId, long walletVersion) {
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
            // Settled before its placement was: a crash came between the provider's answer and the commit.
            log.warn(
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
                null,
                clock.instant(),
                intent.assistantId(),
                intent.metadata(),
                intent.timeLimitSeconds(),
                intent.held(),
                intent.currency(),
                walletVersion,
                intent.machineDetection(),
                null));
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

    /** Checks the request, commits its intent on its own, then asks the provider for the call. */
    private Admission place(int partition, CallRequest request, String decidedAgain) {
        return switch (checks.check(partition, request, provider.name(), decidedAgain)) {
            case DialChecks.Verdict.Refused refused -> rejected(request, refused.reason(), refused.field());
            case DialChecks.Verdict.Dialable dialable -> {
                DialIntentRecorded intended = intent(
                        request,
                        State.INTENDED,
                        null,
                        null,
                        null,
                        dialable.timeLimitSeconds(),
                        dialable.held(),
                        dialable.currency());
                intentLog.intend(partition, intended);
                intents.record(partition, intended);
                OutboundCall call = callFor(request, dialable.credential(), dialable.timeLimitSeconds());
                yield settle(partition, request, call, intended, provider.place(call));
            }
        };
    }

    /** The intent is only intended: find what the provider made of it before placing anything. */
    private Admission reconcile(int partition, CallRequestReceived received, DialIntentRecorded intended) {
        CallRequest request = received.request();
        Optional<Credential> credential = checks.credential(request.accountId(), provider.name());
        if (credential.isEmpty()) {
            return rejected(
                    request,
                    "account " + request.accountId() + " or its " + provider.name() + " credential was removed while "
                            + "the request was in doubt: the provider cannot be asked whether it placed the call",
                    "accountId");
        }
        OutboundCall call = callFor(request, credential.get(), timeLimitOf(intended));
        Optional<String> adopted = find(partition, call, intended);
        if (adopted.isPresent()) {
            log.info(
                    "Request {} of account {} had no settled outcome; adopting the provider's call {}",
                    request.requestId(),
                    request.accountId(),
                    adopted.get());
            return placed(request, adopted.get(), intended);
        }
        Instant trustedFrom = intended.recordedAt().plus(listingDelay);
        if (clock.instant().isBefore(trustedFrom)) {
            throw new ProviderUnavailableException("request " + request.requestId()
                    + " may have a call the provider does not list yet; asking again after " + trustedFrom);
        }
        // Certainly no call: one that has waited past its time (a long outage) is not placed late.
        Optional<String> stale = whyTooLate(received);
        if (stale.isPresent()) {
            return rejected(request, stale.get(), null);
        }
        log.info(
                "Request {} of account {}: the provider has no call for its intent of {}; placing it",
                request.requestId(),
                request.accountId(),
                intended.recordedAt());
        return place(partition, request, request.requestId());
    }

    private Admission settle(
            int partition, CallRequest request, OutboundCall call, DialIntentRecorded intended, ProviderResult result) {
        return switch (result) {
            case ProviderResult.Accepted accepted -> placed(request, accepted.callId(), intended);
            case ProviderResult.Refused refused -> rejected(request, refused.reason(), null);
            case ProviderResult.NotCreated notCreated ->
                throw new ProviderUnavailableException("the provider created no call for request " + request.requestId()
                        + " and will be asked again: " + notCreated.reason());
            case ProviderResult.Unknown unknown -> {
                log.warn(
                        "No certain answer placing request {} of account {} ({}); reconciling, not placing again",
                        request.requestId(),
                        request.accountId(),
                        unknown.reason());
                Optional<String> adopted = find(partition, call, intended);
                if (adopted.isEmpty()) {
                    throw new ProviderUnavailableException("the provider's answer for request "
                            + request.requestId() + " was uncertain (" + unknown.reason()
                            + ") and it lists no call for it yet");
                }
                yield placed(request, adopted.get(), intended);
            }
        };
    }

    private Optional<String> find(int partition, OutboundCall call, DialIntentRecorded intended) {
        return provider.find(
                call, intended.recordedAt().minus(CLOCK_SKEW), intents.placedCallIds(partition, call.accountId()));
    }

    private Optional<String> whyTooLate(CallRequestReceived received) {
        Instant now = clock.instant();
        Instant expiresAt = received.request().expiresAt();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.of("expired at " + expiresAt + ", before it could be dialed");
        }
        if (received.receivedAt() != null
                && received.receivedAt().plus(maxRequestAge).isBefore(now)) {
            return Optional.of("received at " + received.receivedAt() + ", more than " + maxRequestAge
                    + " (switchboard.dialer.max-request-age) before it could be dialed");
        }
        return Optional.empty();
    }

    /** The placed intent keeps the intended one's time limit and hold: the call holds them until it ends. */
    private Admission placed(CallRequest request, String callId, DialIntentRecorded intended) {
        String placedBy = provider.name();
        var event = new CallPlaced(
                request.requestId(),
                request.accountId(),
                callId,
                placedBy,
                request.from(),
                request.to(),
                request.assistantId(),
                timeLimitOf(intended),
                clock.instant(),
                request.metadata());
        DialIntentRecorded placedIntent = intent(
                request,
                State.PLACED,
                placedBy,
                callId,
                null,
                intended.timeLimitSeconds(),
                intended.held(),
                intended.currency());
        if (placedIntent.held() != null) {
            // Past this, a settlement lost on the way no longer keeps the money held (billing shows the same).
            placedIntent = placedIntent.heldUntil(
                    event.placedAt().plusSeconds(timeLimitOf(intended)).plus(holdLease));
        }
        return new Admission.Placed(event, placedIntent);
    }

    private Admission rejected(CallRequest request, String reason, String field) {
        return new Admission.Rejected(
                reason, field, intent(request, State.REJECTED, null, null, reason, null, null, null));
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
            String currency) {
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
                null);
    }

    /** Intents written before time limits were recorded had the longest call as theirs. */
    private int timeLimitOf(DialIntentRecorded intended) {
        return intended.timeLimitSeconds() == null ? maxCallSeconds : intended.timeLimitSeconds();
    }

    private static OutboundCall callFor(CallRequest request, Credential credential, int timeLimitSeconds) {
        return new OutboundCall(
                request.accountId(),
                request.requestId(),
                request.to(),
                request.from(),
                timeLimitSeconds,
                credential,
                request.machineDetection());
    }
}
