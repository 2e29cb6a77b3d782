package io.switchboard.dialer.campaign.domain;

/** Contacts a campaign refuses, with a 400 naming {@code field}. */
public class InvalidContactsException extends RuntimeException {

    private final String field;

    public InvalidContactsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
