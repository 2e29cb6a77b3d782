package io.switchboard.events.secret;

/** A sealed secret that cannot be opened: unknown key, wrong account, altered, or malformed. */
public final class SecretException extends RuntimeException {

    public SecretException(String message) {
        super(message);
    }
}
