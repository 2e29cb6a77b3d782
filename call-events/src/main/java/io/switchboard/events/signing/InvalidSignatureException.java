package io.switchboard.events.signing;

import io.switchboard.events.envelope.RejectedEventException;

/** An envelope that is unsigned, signed by an unknown key, or altered after signing. */
public final class InvalidSignatureException extends RejectedEventException {

    public InvalidSignatureException(String message) {
        super(message);
    }
}
