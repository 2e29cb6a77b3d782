package io.switchboard.billing.wallet.domain;

/**
 * A top-up that can never be applied as asked (wrong currency, finer than the currency's minor unit),
 * naming the field at fault ({@code amount}, {@code currency}).
 */
public class InvalidTopUpException extends RuntimeException {

    private final String field;

    public InvalidTopUpException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
