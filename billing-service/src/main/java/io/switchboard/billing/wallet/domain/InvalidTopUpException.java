package io.switchboard.billing.wallet.domain;

/** A top-up that can never be applied as asked (wrong currency, finer than the currency's minor unit). */
public class InvalidTopUpException extends RuntimeException {

    public InvalidTopUpException(String message) {
        super(message);
    }
}
