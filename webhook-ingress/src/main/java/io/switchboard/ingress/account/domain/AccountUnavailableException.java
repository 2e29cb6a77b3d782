package io.switchboard.ingress.account.domain;

/**
 * The account's credentials cannot be used right now: accounts.v1 is not replayed yet, or the
 * credential could not be opened (e.g. sealed with a key this instance does not hold yet). Our
 * fault, not the caller's: the webhook gets a 503 so the provider may retry.
 */
public class AccountUnavailableException extends RuntimeException {

    public AccountUnavailableException(String message) {
        super(message);
    }
}
