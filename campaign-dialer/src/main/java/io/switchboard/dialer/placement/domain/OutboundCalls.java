package io.switchboard.dialer.placement.domain;

/**
 * Outbound call placement, one adapter per provider (docs/design.md, Services: a provider is an
 * adapter, not a branch).
 * Implementations retry what is safe to retry and never throw for a provider's answer.
 */
public interface OutboundCalls {

    ProviderResult place(OutboundCall call);
}
