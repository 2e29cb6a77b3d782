package io.switchboard.orchestrator.account.domain;

/** The broker did not take an account's configuration; nothing was changed. */
public class AccountPublishException extends RuntimeException {

    public AccountPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
