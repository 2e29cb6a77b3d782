package io.switchboard.simulator.call.web;

import org.springframework.http.HttpStatus;

/** A request the Twilio API would refuse, with Twilio's error code. */
class TwilioApiException extends RuntimeException {

    private final HttpStatus status;
    private final int code;

    TwilioApiException(HttpStatus status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static TwilioApiException unauthenticated() {
        return new TwilioApiException(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
    }

    static TwilioApiException notFound(String path) {
        return new TwilioApiException(HttpStatus.NOT_FOUND, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioApiException badRequest(int code, String message) {
        return new TwilioApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    /** Twilio refuses a request beyond the account's API concurrency; nothing was done. */
    static TwilioApiException tooManyRequests() {
        return new TwilioApiException(HttpStatus.TOO_MANY_REQUESTS, 20429, "Too Many Requests");
    }

    /** Twilio refuses a call that would wait in the account's calls-per-second queue longer than it allows. */
    static TwilioApiException queueFull(String message) {
        return new TwilioApiException(HttpStatus.BAD_REQUEST, 22005, message);
    }

    static TwilioApiException serverError(int httpStatus) {
        return new TwilioApiException(HttpStatus.valueOf(httpStatus), 20500, "Internal Server Error");
    }

    /** A live-call operation on a call that has ended. */
    static TwilioApiException notInProgress() {
        return new TwilioApiException(
                HttpStatus.BAD_REQUEST, 21220, "Call is not in-progress. Cannot redirect or hang up.");
    }

    HttpStatus status() {
        return status;
    }

    int code() {
        return code;
    }
}
