package io.switchboard.events.request;

/**
 * When a call request is dialed again after its call ended without being answered: per final status, how many
 * attempts in all and how long after the last one ended. Each retry is a request of its own,
 * {@link CallRequest#attemptId}, scheduled like one due later (its calling window applies).
 *
 * @param busy     after a {@code busy} call; null for no retry
 * @param noAnswer after a {@code no-answer} call; null for no retry
 * @param failed   after a {@code failed} call (the carrier could not connect it); null for no retry
 * @param machine  after a call an answering machine took (the request's machine detection said so); null for no
 *                 retry
 */
public record RetryPolicy(Retry busy, Retry noAnswer, Retry failed, Retry machine) {

    /** The final status of a call an answering machine took, as the dialer records it. */
    public static final String MACHINE = "machine";

    /** No retry after a machine. */
    public RetryPolicy(Retry busy, Retry noAnswer, Retry failed) {
        this(busy, noAnswer, failed, null);
    }

    /**
     * The retry for a call that ended {@code status} ({@code busy}, {@code no-answer}, {@code failed},
     * {@link #MACHINE}); else null.
     */
    public Retry after(String status) {
        return switch (status == null ? "" : status) {
            case "busy" -> busy;
            case "no-answer" -> noAnswer;
            case "failed" -> failed;
            case MACHINE -> machine;
            default -> null;
        };
    }

    /**
     * @param maxAttempts  attempts in all, the first included
     * @param delaySeconds how long after an attempt's call ended the next is due
     */
    public record Retry(int maxAttempts, int delaySeconds) {}
}
