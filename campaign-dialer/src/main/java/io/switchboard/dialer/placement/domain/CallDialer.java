package io.switchboard.dialer.placement.domain;

import java.time.Clock;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.request.CallRequest;
import org.springframework.stereotype.Service;

/** Places a valid call request with the provider, at most once per request id. */
@Service
public class CallDialer {

    private final OutboundCalls provider;
    private final PlacedRequests placed;
    private final int timeLimitSeconds;
    private final Clock clock;

    public CallDialer(OutboundCalls provider, DialerProperties properties, Clock clock) {
        this.provider = provider;
        this.placed = new PlacedRequests(properties.placedRequestsCapacity());
        this.timeLimitSeconds = Math.toIntExact(properties.defaultTimeLimit().toSeconds());
        this.clock = clock;
    }

    public DialOutcome dial(CallRequest request) {
        return switch (placed.claim(request.requestId())) {
            case PlacedRequests.Claim.Fresh fresh -> place(request);
            case PlacedRequests.Claim.Taken taken -> new DialOutcome.Duplicate(request.requestId());
            case PlacedRequests.Claim.Unpublished unpublished -> new DialOutcome.Placed(unpublished.event());
        };
    }

    /** The {@link DialOutcome.Placed} event of this request is committed: later copies are duplicates. */
    public void confirm(String requestId) {
        placed.committed(requestId);
    }

    private DialOutcome place(CallRequest request) {
        ProviderResult result;
        try {
            result = provider.place(
                    new OutboundCall(request.accountId(), request.to(), request.from(), timeLimitSeconds));
        } catch (RuntimeException e) {
            placed.release(request.requestId());
            throw e;
        }
        return switch (result) {
            case ProviderResult.Accepted accepted -> {
                var event = new CallPlaced(
                        request.requestId(),
                        request.accountId(),
                        accepted.callId(),
                        accepted.provider(),
                        request.from(),
                        request.to(),
                        request.assistantId(),
                        timeLimitSeconds,
                        clock.instant());
                placed.placed(request.requestId(), event);
                yield new DialOutcome.Placed(event);
            }
            case ProviderResult.Refused refused -> released(request, refused.reason());
            case ProviderResult.Unavailable unavailable -> released(request, unavailable.reason());
        };
    }

    private DialOutcome released(CallRequest request, String reason) {
        placed.release(request.requestId());
        return new DialOutcome.Rejected(reason);
    }
}
