package io.switchboard.calllog.web;

/** A query parameter the API cannot accept; answered 400 with the parameter's name. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
