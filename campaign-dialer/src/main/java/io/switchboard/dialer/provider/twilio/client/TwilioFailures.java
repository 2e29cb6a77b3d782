package io.switchboard.dialer.provider.twilio.client;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;

/** Which Twilio API failures are safe to retry: rate limits (429 / 20429), server errors and I/O. */
final class TwilioFailures {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int TOO_MANY_REQUESTS_CODE = 20429;

    private TwilioFailures() {}

    static boolean isTransient(Throwable failure) {
        return switch (failure) {
            case ApiConnectionException connection -> true;
            case ApiException api ->
                isTransientStatus(api.getStatusCode())
                        || Integer.valueOf(TOO_MANY_REQUESTS_CODE).equals(api.getCode());
            default -> false;
        };
    }

    private static boolean isTransientStatus(Integer status) {
        return status != null && (status == TOO_MANY_REQUESTS || status >= 500);
    }

    /** The provider's own words, for the rejection event and the log (never credentials). */
    static String describe(Throwable failure) {
        if (failure instanceof ApiException api && api.getCode() != null) {
            return "Twilio error " + api.getCode() + " (HTTP " + api.getStatusCode() + "): " + api.getMessage();
        }
        if (failure instanceof ApiException api && api.getStatusCode() != null) {
            return "Twilio HTTP " + api.getStatusCode() + ": " + api.getMessage();
        }
        return "Twilio: " + failure.getMessage();
    }
}
