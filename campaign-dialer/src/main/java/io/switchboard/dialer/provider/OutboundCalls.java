package io.switchboard.dialer.provider;

/**
 * Outbound call placement, one adapter per provider (DESIGN: providers are adapters, not branches).
 * Implementations retry what is safe to retry and never throw for a provider's answer.
 */
public interface OutboundCalls {

    ProviderResult place(OutboundCall call);
}
