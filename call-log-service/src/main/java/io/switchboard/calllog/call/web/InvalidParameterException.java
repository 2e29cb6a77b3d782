package io.switchboard.calllog.call.web;

/** A query parameter the API cannot accept; answered 400 with the parameter's name. */
class InvalidParameterException extends RuntimeException {

    private final String parameter;

    InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
