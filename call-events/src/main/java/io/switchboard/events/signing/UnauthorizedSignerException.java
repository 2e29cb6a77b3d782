package io.switchboard.events.signing;

import io.switchboard.events.envelope.RejectedEventException;

/**
 * An envelope correctly signed with a trusted key that belongs to a producer other than those its type
 * names: refused like a bad signature, since a key of one service must not speak for another.
 */
public final class UnauthorizedSignerException extends RejectedEventException {

    public UnauthorizedSignerException(String message) {
        super(message);
    }
}
