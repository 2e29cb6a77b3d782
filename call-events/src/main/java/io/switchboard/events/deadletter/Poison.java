package io.switchboard.events.deadletter;

import java.util.List;

import io.switchboard.events.envelope.RejectedEventException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The explicit list of failures that make a record poison: it can never be applied, however often
 * it is retried, so it goes to the dead-letter topic at once. Anything else is transient.
 */
public final class Poison {

    /**
     * Undecodable bytes ({@link DeserializationException}), and records a reader refuses for good
     * ({@link RejectedEventException}: a bad or unauthorized signature, an invalid payload, an
     * unknown type on a topic that must not carry it).
     */
    public static final List<Class<? extends Exception>> EXCEPTIONS =
            List.of(DeserializationException.class, RejectedEventException.class);

    private Poison() {}

    /** Whether {@code failure} or any of its causes is on the list. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Exception> poison : EXCEPTIONS) {
                if (poison.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What a dead letter or a stall is about: the listed failure, else the innermost cause that says
     * something (a bare {@code TimeoutException} says less than the publish failure around it).
     */
    public static Throwable reason(Throwable failure) {
        Throwable reason = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Exception> poison : EXCEPTIONS) {
                if (poison.isInstance(t)) {
                    return t;
                }
            }
            if (t.getMessage() != null || reason.getMessage() == null) {
                reason = t;
            }
        }
        return reason;
    }
}
