package io.switchboard.simulator.webhook;

/**
 * What the receiver answered, or why there was no answer.
 *
 * @param status HTTP status, null when the request failed (connection refused, timeout)
 * @param body   response body (the TwiML of a voice webhook), empty when none
 * @param error  the failure when there was no response
 */
public record WebhookResponse(Integer status, String body, String error) {

    public boolean successful() {
        return status != null && status >= 200 && status < 300;
    }

    /** Twilio retries on a 5xx and on connection errors, never on a 4xx. */
    boolean retryable() {
        return status == null || status >= 500;
    }

    String outcome() {
        return status == null ? "error" : (status / 100) + "xx";
    }
}
