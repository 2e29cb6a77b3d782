package io.switchboard.orchestrator.account.domain;

/** An account configuration that cannot be accepted, naming the field at fault (e.g. {@code numbers[0].number}). */
public class InvalidAccountException extends RuntimeException {

    private final String field;

    public InvalidAccountException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
