package io.switchboard.dialer.request.web;

/** A call request the API refuses with a 400 naming {@code field} (null: the whole body). */
class InvalidCallRequestException extends RuntimeException {

    private final String field;

    InvalidCallRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
