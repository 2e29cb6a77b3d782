package io.switchboard.calllog.call.web;

/** No document for the requested call id; answered 404. */
class CallNotFoundException extends RuntimeException {

    CallNotFoundException(String callId) {
        super("No call " + callId + " in the call log");
    }
}
