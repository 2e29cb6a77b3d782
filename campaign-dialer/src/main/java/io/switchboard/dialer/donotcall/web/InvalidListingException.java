package io.switchboard.dialer.donotcall.web;

/** A do-not-call request the API refuses with a 400 naming {@code field}. */
class InvalidListingException extends RuntimeException {

    private final String field;

    InvalidListingException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
