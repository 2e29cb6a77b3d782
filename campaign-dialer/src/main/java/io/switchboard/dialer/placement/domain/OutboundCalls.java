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

    /** Places {@code call}, sending its request only once {@code turn} allows. */
    ProviderResult place(OutboundCall call, SendTurn turn);

    /**
     * The provider's call for {@code call} created at or after {@code createdSince}, other than those in
     * {@code adopted}: what a request whose placement had no certain answer became. The earliest if several.
     *
     * @throws ProviderUnavailableException when the provider cannot be asked now
     */
    Optional<String> find(OutboundCall call, Instant createdSince, Set<String> adopted);

    /**
     * Ends a call in progress (a machine answered and the request said hang up). A call that has already
     * ended is left alone.
     *
     * @throws ProviderUnavailableException when the provider cannot be asked now
     */
    void hangUp(OutboundCall call, String callId);

    /**
     * Says {@code message} on a call in progress and ends it (a machine answered, its greeting is over, and the
     * request said leave a message). A call that has already ended is left alone.
     *
     * @throws ProviderUnavailableException when the provider cannot be asked now
     */
    void leaveMessage(OutboundCall call, String callId, String message);
}
