package io.switchboard.dialer.placement.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Outbound call placement, one adapter per provider (a provider is an adapter, not a branch).
 * Implementations retry only what certainly created nothing, and never throw for a provider's answer.
 */
public interface OutboundCalls {

    /** The provider's name in events, e.g. {@code twilio}. */
    String name();

    ProviderResult place(OutboundCall call);

    /**
     * The provider's call for {@code call} created at or after {@code createdSince}, other than those in
     * {@code adopted}: what a request whose placement had no certain answer became. The earliest if several.
     *
     * @throws ProviderUnavailableException when the provider cannot be asked now
     */
    Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted);
}
