package io.switchboard.calllog.call.web;

/** No call the caller may see under the requested id; answered 404, whether it exists elsewhere or not. */
final class CallNotFoundException extends RuntimeException {

    private CallNotFoundException(String message) {
        super(message);
    }

    static CallNotFoundException call(String callId) {
        return new CallNotFoundException("No call " + callId + " in the call log");
    }

    /** A search naming an account the caller may not read. */
    static CallNotFoundException account() {
        return new CallNotFoundException("No such account in the call log");
    }
}
