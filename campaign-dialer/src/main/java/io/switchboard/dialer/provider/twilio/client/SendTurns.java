package io.switchboard.dialer.provider.twilio.client;

import java.util.function.Supplier;

import io.switchboard.dialer.placement.domain.SendTurn;

/**
 * Carries a call's {@link SendTurn} from {@link TwilioCallsClient} through the Twilio SDK, whose API has no
 * room for it, to {@link TwilioHttpClient}, which applies it right before the HTTP request is sent. Bound to
 * the placing thread for the one SDK call, and used once.
 */
final class SendTurns {

    private static final ThreadLocal<SendTurn> CURRENT = new ThreadLocal<>();

    private SendTurns() {}

    static <T> T during(SendTurn turn, Supplier<T> work) {
        CURRENT.set(turn);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** Waits for the bound turn, if any, once: a second request in the same SDK call does not wait again. */
    static void awaitBound() {
        SendTurn turn = CURRENT.get();
        if (turn == null) {
            return;
        }
        CURRENT.remove();
        try {
            turn.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the call's turn; nothing was sent", e);
        }
    }
}
