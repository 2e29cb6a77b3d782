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
     * The provider would take no more requests now (Twilio's 429 / 20429): nothing was created, and the
     * provider account is asked again only after a pause.
     */
    record Throttled(String reason) implements ProviderResult {
        @Override
        public String outcome() {
            return "throttled";
        }
    }

    /** Certainly nothing was created (the provider could not be reached): the request may be placed later. */
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
