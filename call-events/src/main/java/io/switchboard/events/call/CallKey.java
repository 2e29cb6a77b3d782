package io.switchboard.events.call;

import java.util.Objects;
import java.util.Optional;

import io.switchboard.events.billing.CallCharged;

/**
 * Who a call is: the provider carrying it, the Switchboard account it belongs to and the provider's
 * id for it (Twilio's CallSid). A provider's call id alone names no call: two accounts can be told
 * about the same id (one of them by a webhook it signed itself), and they are two calls. Wherever a
 * call needs a string key (call-states.v1 records and subjects, the call log's document id, billing's
 * charges) it is {@link #canonical()}: {@code <provider>:<accountId>:<providerCallId>}, e.g.
 * {@code twilio:acme:CA9e2b…}.
 *
 * <p>The form is unambiguous because neither the provider nor the account id may contain {@code :}
 * (account ids are {@code [A-Za-z0-9._-]}); the provider's call id, last, may hold anything but
 * control characters, so {@link #parse} splits at the first two colons only.
 */
public record CallKey(String provider, String accountId, String providerCallId) {

    static final char SEPARATOR = ':';

    public CallKey {
        provider = require(provider, "provider", true);
        accountId = require(accountId, "accountId", true);
        providerCallId = require(providerCallId, "providerCallId", false);
    }

    /** The key of the call a snapshot describes; throws if the snapshot lacks part of it. */
    public static CallKey of(CallStateChanged state) {
        return new CallKey(state.provider(), state.accountId(), state.callId());
    }

    /** The key of the call a ledger entry charged; throws if the entry lacks part of it. */
    public static CallKey of(CallCharged charge) {
        return new CallKey(charge.provider(), charge.accountId(), charge.callId());
    }

    /** The inverse of {@link #canonical()}; throws {@link IllegalArgumentException} for anything else. */
    public static CallKey parse(String canonical) {
        Objects.requireNonNull(canonical, "canonical");
        int first = canonical.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : canonical.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a call key (provider:accountId:providerCallId): " + canonical);
        }
        return new CallKey(
                canonical.substring(0, first), canonical.substring(first + 1, second), canonical.substring(second + 1));
    }

    /** {@link #parse}, or empty when the text is not a call key. */
    public static Optional<CallKey> tryParse(String canonical) {
        if (canonical == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(canonical));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code <provider>:<accountId>:<providerCallId>}: the one string form of a call's identity. */
    public String canonical() {
        return provider + SEPARATOR + accountId + SEPARATOR + providerCallId;
    }

    /** Whether both keys name the same provider call, whatever account each claims it for. */
    public boolean sameProviderCall(CallKey other) {
        return provider.equals(other.provider) && providerCallId.equals(other.providerCallId);
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static String require(String value, String name, boolean noSeparator) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a call key needs its " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || (noSeparator && c == SEPARATOR)) {
                throw new IllegalArgumentException(
                        "a call key's " + name + " may not contain " + (c == SEPARATOR ? "':'" : "control characters"));
            }
        }
        return value;
    }
}
