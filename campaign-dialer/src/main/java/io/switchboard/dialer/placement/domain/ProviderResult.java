package io.switchboard.dialer.placement.domain;

/** The provider's answer to one placement. */
public sealed interface ProviderResult {

    /** A metrics tag value for the outcome. */
    String outcome();

    /** The provider took the call; {@code callId} is its id for it (Twilio's CallSid). */
    record Accepted(String provider, String callId) implements ProviderResult {
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

    /** Transient failures (rate limits, 5xx, I/O) outlasted the bounded retries. */
    record Unavailable(String reason) implements ProviderResult {
        @Override
        public String outcome() {
            return "unavailable";
        }
    }
}
