package io.switchboard.dialer.provider.twilio.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;

/**
 * What a failed Twilio API request says about the call it asked for. Placing a call is not idempotent,
 * so what matters is whether Twilio may have created it:
 *
 * <ul>
 *   <li>certainly not: rate limited (HTTP 429, error 20429: the account is paused) or never connected
 *       (refused, unknown host, no route): safe to send again;</li>
 *   <li>perhaps: a 5xx, or an I/O failure once the request may have been sent (a timeout waiting for the
 *       answer, a reset): never sent again, reconciled with the call list instead;</li>
 *   <li>refused: any other 4xx (an invalid number, say): Twilio created nothing and never will.</li>
 * </ul>
 */
final class TwilioFailures {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int TOO_MANY_REQUESTS_CODE = 20429;

    private TwilioFailures() {}

    static boolean createdNothing(Throwable failure) {
        return switch (failure) {
            case ApiConnectionException connection -> neverConnected(connection);
            case ApiException api -> throttled(api);
            default -> false;
        };
    }

    /** Twilio would take no more requests from the account now: it is to be asked again only after a pause. */
    static boolean throttled(Throwable failure) {
        return failure instanceof ApiException api
                && (Integer.valueOf(TOO_MANY_REQUESTS).equals(api.getStatusCode())
                        || Integer.valueOf(TOO_MANY_REQUESTS_CODE).equals(api.getCode()));
    }

    /** Twilio may hold a call for the request: a server error, or I/O after the request may have left. */
    static boolean uncertain(Throwable failure) {
        if (createdNothing(failure)) {
            return false;
        }
        return switch (failure) {
            case ApiConnectionException connection -> true;
            case ApiException api -> api.getStatusCode() != null && api.getStatusCode() >= 500;
            default -> false;
        };
    }

    private static boolean neverConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
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
