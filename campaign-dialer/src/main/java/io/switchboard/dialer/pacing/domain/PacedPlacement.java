package io.switchboard.dialer.pacing.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.dialer.pacing.config.PacingProperties;
import io.switchboard.dialer.placement.domain.DialChecks;
import io.switchboard.dialer.placement.domain.OutboundCall;
import io.switchboard.dialer.placement.domain.OutboundCalls;
import io.switchboard.dialer.placement.domain.ProviderResult;
import io.switchboard.dialer.placement.domain.RequestDeadline;
import io.switchboard.events.account.Credential;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.request.CallRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Places a request its pacing group let through, at most once per attempt across crashes and rebalances:
 * the attempt's {@code dialing} step is committed before the provider is asked, and a request whose dialing
 * has no outcome (a crash, an uncertain answer) is reconciled with the provider's call list, never dialed
 * again blindly. A provider that created nothing (rate limited, unreachable) pauses its account and the
 * request waits again; what the provider refuses is rejected.
 */
@Service
public class PacedPlacement {

    private static final Logger log = LoggerFactory.getLogger(PacedPlacement.class);

    /** How far the provider's clock may be behind ours when comparing its creation times with ours. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final OutboundCalls provider;
    private final DialChecks checks;
    private final PacingLog pacingLog;
    private final Duration maxRequestAge;
    private final Duration listingDelay;
    private final Duration slotLease;
    private final Clock clock;

    public PacedPlacement(
            OutboundCalls provider,
            DialChecks checks,
            PacingLog pacingLog,
            DialerProperties dialer,
            PacingProperties pacing,
            Clock clock) {
        this.provider = provider;
        this.checks = checks;
        this.pacingLog = pacingLog;
        this.maxRequestAge = dialer.maxRequestAge();
        this.listingDelay = dialer.providerListingDelay();
        this.slotLease = pacing.slotLease();
        this.clock = clock;
    }

    /** Dials a released request, reconciles one whose dialing had no outcome, or rejects one a caller cancelled. */
    public void place(PacingGroup.Release release) {
        if (release.cancelled() != null) {
            rejected(release, release.cancelled());
        } else if (release.reconcile()) {
            reconcile(release);
        } else {
            dial(release);
        }
    }

    private void dial(PacingGroup.Release release) {
        QueuedCallRecorded queued = release.queued();
        CallRequest request = queued.request();
        PacingGroup group = release.group();
        Optional<String> late =
                RequestDeadline.whyTooLate(request, queued.receivedAt(), maxRequestAge, clock.instant());
        if (late.isPresent()) {
            rejected(release, late.get());
            return;
        }
        Optional<Credential> credential = checks.credential(request.accountId(), provider.name());
        if (credential.isEmpty()) {
            rejected(
                    release,
                    "account " + request.accountId() + " or its " + provider.name()
                            + " credential was removed while the request was queued");
            return;
        }
        Optional<String> listed = checks.doNotCall(request.accountId(), request.to());
        if (listed.isPresent()) {
            rejected(release, listed.get() + " (listed while the request was queued)", "to");
            return;
        }
        QueuedCallRecorded dialing = queued.dialing(release.attempt(), clock.instant());
        pacingLog.dialing(dialing);
        group.apply(dialing);
        OutboundCall call = callOf(queued, credential.get());
        switch (provider.place(call, () -> group.awaitTurn(request.to()))) {
            case ProviderResult.Accepted accepted -> {
                group.tookCall();
                placed(release, accepted.callId());
            }
            case ProviderResult.Refused refused -> rejected(release, refused.reason());
            case ProviderResult.Throttled throttled -> deferred(release, throttled.reason(), group.throttled());
            case ProviderResult.NotCreated notCreated -> deferred(release, notCreated.reason(), group.throttled());
            case ProviderResult.Unknown unknown -> {
                log.warn(
                        "No certain answer placing request {} of account {} ({}); reconciling, not placing again",
                        request.requestId(),
                        request.accountId(),
                        unknown.reason());
                Optional<String> adopted = find(release, call, dialing.recordedAt());
                if (adopted.isPresent()) {
                    placed(release, adopted.get());
                } else {
                    group.reconcileAt(
                            request.accountId(),
                            request.requestId(),
                            dialing.recordedAt().plus(listingDelay));
                }
            }
        }
    }

    /** The attempt's dialing step is committed but its outcome is not: what did the provider make of it? */
    private void reconcile(PacingGroup.Release release) {
        QueuedCallRecorded queued = release.queued();
        CallRequest request = queued.request();
        Optional<Credential> credential = checks.credential(request.accountId(), provider.name());
        if (credential.isEmpty()) {
            rejected(
                    release,
                    "account " + request.accountId() + " or its " + provider.name() + " credential was "
                            + "removed while the request was in doubt: the provider cannot be asked whether it placed the call");
            return;
        }
        Optional<String> adopted = find(release, callOf(queued, credential.get()), release.since());
        if (adopted.isPresent()) {
            log.info(
                    "Request {} of account {} had no outcome for attempt {}; adopting the provider's call {}",
                    request.requestId(),
                    request.accountId(),
                    release.attempt(),
                    adopted.get());
            placed(release, adopted.get());
            return;
        }
        Instant trustedFrom = release.since().plus(listingDelay);
        Instant now = clock.instant();
        if (now.isBefore(trustedFrom)) {
            release.group().reconcileAt(request.accountId(), request.requestId(), trustedFrom);
            return;
        }
        // Certainly no call: the request waits for its turn again, unless it has waited past its time.
        Optional<String> late = RequestDeadline.whyTooLate(request, queued.receivedAt(), maxRequestAge, now);
        if (late.isPresent()) {
            rejected(release, late.get());
            return;
        }
        log.info(
                "Request {} of account {}: the provider has no call for attempt {} of {}; it waits for its turn again",
                request.requestId(),
                request.accountId(),
                release.attempt(),
                release.since());
        deferred(release, "the provider has no call for attempt " + release.attempt(), now);
    }

    private Optional<String> find(PacingGroup.Release release, OutboundCall call, Instant since) {
        return provider.find(call, since.minus(CLOCK_SKEW), release.group().placedCalls());
    }

    private void placed(PacingGroup.Release release, String callId) {
        QueuedCallRecorded queued = release.queued();
        CallRequest request = queued.request();
        Instant now = clock.instant();
        int timeLimit = queued.timeLimitSeconds();
        var event = new CallPlaced(
                request.requestId(),
                request.accountId(),
                callId,
                provider.name(),
                request.from(),
                request.to(),
                request.assistantId(),
                timeLimit,
                now,
                request.metadata());
        // The slot outlives the call's time limit by the lease: ringing and the provider's own queue come first.
        QueuedCallRecorded placed = queued.placed(
                release.attempt(), callId, now.plusSeconds(timeLimit).plus(slotLease), now);
        pacingLog.placed(placed, event);
        release.group().apply(placed);
        log.info("Placed call {} for request {} (attempt {})", callId, request.requestId(), release.attempt());
    }

    private void rejected(PacingGroup.Release release, String reason) {
        rejected(release, reason, null);
    }

    private void rejected(PacingGroup.Release release, String reason, String field) {
        QueuedCallRecorded queued = release.queued();
        Instant now = clock.instant();
        QueuedCallRecorded rejected = queued.rejected(release.attempt(), reason, now);
        pacingLog.rejected(
                rejected, new CallRequestRejected(queued.requestId(), queued.accountId(), reason, field, now));
        release.group().apply(rejected);
        log.info("Rejected request {} of account {}: {}", queued.requestId(), queued.accountId(), reason);
    }

    private void deferred(PacingGroup.Release release, String reason, Instant notBefore) {
        QueuedCallRecorded deferred = release.queued().deferred(release.attempt(), reason, notBefore, clock.instant());
        pacingLog.deferred(deferred);
        release.group().apply(deferred);
        log.info("Request {} waits again until {}: {}", release.queued().requestId(), notBefore, reason);
    }

    private static OutboundCall callOf(QueuedCallRecorded queued, Credential credential) {
        CallRequest request = queued.request();
        return new OutboundCall(
                request.accountId(),
                request.requestId(),
                request.to(),
                request.from(),
                queued.timeLimitSeconds(),
                credential,
                request.machineDetection());
    }
}
