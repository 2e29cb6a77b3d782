package io.switchboard.calllog.request.web;

/** No request the caller may see under the requested id; answered 404, whether it exists elsewhere or not. */
final class CallRequestNotFoundException extends RuntimeException {

    CallRequestNotFoundException(String requestId) {
        super("No call request " + requestId + " in the call log");
    }
}
