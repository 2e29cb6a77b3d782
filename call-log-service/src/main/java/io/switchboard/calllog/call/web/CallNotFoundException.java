package io.switchboard.calllog.call.web;

/** No call the caller may see under the requested id; answered 404, whether it exists elsewhere or not. */
class CallNotFoundException extends RuntimeException {

    CallNotFoundException(String callId) {
        super("No call " + callId + " in the call log");
    }

    private CallNotFoundException(String message, boolean unused) {
        super(message);
    }

    /** A search naming an account the caller may not read. */
    static final class NoSuchAccount extends CallNotFoundException {
        NoSuchAccount() {
            super("No such account in the call log", false);
        }
    }
}
