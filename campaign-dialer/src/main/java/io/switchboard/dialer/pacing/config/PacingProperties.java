package io.switchboard.dialer.pacing.config;

import java.time.Duration;
import java.util.Map;

import io.switchboard.dialer.pacing.domain.PacingLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast each provider account is dialed ({@code switchboard.dialer.pacing.*}); defaults are documented in
 * application.yml. The instance that owns a provider account's partition of {@code dialer-queue.v1} enforces
 * them for the whole fleet.
 *
 * @param callsPerSecond       calls a provider account is asked for in any sliding second (Twilio's default is 1)
 * @param concurrentCalls      calls of a provider account being dialed or in progress at once
 * @param prefixCallsPerSecond calls to one destination area code (country and area code) in any sliding second
 * @param jitterAllowance      how much later than its turn a call may reach the provider without two calls
 *                             counting in one second there; the rates are stretched by it
 * @param slotLease            how long after its time limit a placed call keeps its slot when its end never arrives
 * @param backoff              how a provider account that answers "too many requests" is slowed down
 * @param providerAccounts     limits of single provider accounts by their id at the provider (a Twilio account SID);
 *                             what an entry leaves out is the default
 */
@ConfigurationProperties("switchboard.dialer.pacing")
public record PacingProperties(
        @DefaultValue("1") double callsPerSecond,
        @DefaultValue("10") int concurrentCalls,
        @DefaultValue("3") double prefixCallsPerSecond,
        @DefaultValue("25ms") Duration jitterAllowance,
        @DefaultValue("5m") Duration slotLease,
        @DefaultValue Backoff backoff,
        Map<String, ProviderAccount> providerAccounts) {

    public PacingProperties {
        providerAccounts = providerAccounts == null ? Map.of() : Map.copyOf(providerAccounts);
        if (jitterAllowance.isNegative() || jitterAllowance.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("switchboard.dialer.pacing.jitter-allowance must be between 0 and 1s");
        }
        if (slotLease.isNegative()) {
            throw new IllegalArgumentException("switchboard.dialer.pacing.slot-lease must not be negative");
        }
        limits(callsPerSecond, concurrentCalls, prefixCallsPerSecond);
        providerAccounts
                .values()
                .forEach(account -> limits(
                        orDefault(account.callsPerSecond(), callsPerSecond),
                        account.concurrentCalls() == null ? concurrentCalls : account.concurrentCalls(),
                        orDefault(account.prefixCallsPerSecond(), prefixCallsPerSecond)));
    }

    /** The limits of the provider account the provider knows as {@code providerAccountId}. */
    public PacingLimits limitsOf(String providerAccountId) {
        ProviderAccount account = providerAccounts.get(providerAccountId);
        if (account == null) {
            return limits(callsPerSecond, concurrentCalls, prefixCallsPerSecond);
        }
        return limits(
                orDefault(account.callsPerSecond(), callsPerSecond),
                account.concurrentCalls() == null ? concurrentCalls : account.concurrentCalls(),
                orDefault(account.prefixCallsPerSecond(), prefixCallsPerSecond));
    }

    private PacingLimits limits(double perSecond, int concurrent, double prefixPerSecond) {
        if (!(perSecond > 0) || !(prefixPerSecond > 0) || concurrent < 1) {
            throw new IllegalArgumentException("switchboard.dialer.pacing needs positive calls-per-second and "
                    + "prefix-calls-per-second and at least one concurrent call");
        }
        return new PacingLimits(perSecond, concurrent, prefixPerSecond, jitterAllowance);
    }

    private static double orDefault(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    /** One provider account's own limits; null keeps the default. */
    public record ProviderAccount(Double callsPerSecond, Integer concurrentCalls, Double prefixCallsPerSecond) {}

    /**
     * After the provider says "too many requests", the account is not asked again for {@code initial}, then
     * {@code multiplier} times longer each time it says so again, at most {@code max}; one call it takes ends it.
     */
    public record Backoff(
            @DefaultValue("1s") Duration initial,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration max) {

        public Backoff {
            if (initial.toMillis() < 1 || multiplier < 1.0 || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "switchboard.dialer.pacing.backoff needs 1ms <= initial <= max " + "and multiplier >= 1");
            }
        }

        /** The pause after the {@code times}-th refusal in a row. */
        public Duration after(int times) {
            double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, times - 1));
            return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
        }
    }
}
