package io.switchboard.ops;

/**
 * The operator asked for something the tool will not do as asked (an unknown topic, a dead letter
 * that cannot be re-driven, an offset that is not there); nothing was changed. Exit code 2.
 */
public final class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
