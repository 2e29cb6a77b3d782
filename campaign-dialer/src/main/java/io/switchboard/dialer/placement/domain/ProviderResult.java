package io.switchboard.dialer.placement.domain;

/** The provider's answer to one placement. */
public sealed interface ProviderResult {

    /** A metrics tag value for the outcome. */
    String outcome();

    /** The provider took the call; {@code callId} is its id for it (Twilio's CallSid). */
    record Accepted(String callId) implements ProviderResult {
        @Override
        public String outcome() {
            return "accepted";
        }
    }

    /** The provider refused the request itself (an invalid number, say): trying again will not help. */
    record Refused(String reason) implements ProviderResult {
        @Override
        public String outcome() {
            return "refused";
        }
    }

    /**
     * Certainly nothing was created (rate limited, connection refused) and the bounded retries are spent:
     * the request may be placed later.
     */
    record NotCreated(String reason) implements ProviderResult {
        @Override
        public String outcome() {
            return "not-created";
        }
    }

    /**
     * No certain answer (a timeout, a 5xx, a connection reset after the request was sent): the call may
     * exist. Never placed again blindly; reconciled with {@link OutboundCalls#find}.
     */
    record Unknown(String reason) implements ProviderResult {
        @Override
        public String outcome() {
            return "unknown";
        }
    }
}
