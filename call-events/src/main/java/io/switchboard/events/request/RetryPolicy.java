package io.switchboard.events.request;

/**
 * When a call request is dialed again after its call ended without being answered: per final status, how many
 * attempts in all and how long after the last one ended. Each retry is a request of its own,
 * {@link CallRequest#attemptId}, scheduled like one due later (its calling window applies).
 *
 * @param busy     after a {@code busy} call; null for no retry
 * @param noAnswer after a {@code no-answer} call; null for no retry
 * @param failed   after a {@code failed} call (the carrier could not connect it); null for no retry
 */
public record RetryPolicy(Retry busy, Retry noAnswer, Retry failed) {

    /** The retry for a call that ended {@code status} ({@code busy}, {@code no-answer}, {@code failed}); else null. */
    public Retry after(String status) {
        return switch (status == null ? "" : status) {
            case "busy" -> busy;
            case "no-answer" -> noAnswer;
            case "failed" -> failed;
            default -> null;
        };
    }

    /**
     * @param maxAttempts  attempts in all, the first included
     * @param delaySeconds how long after an attempt's call ended the next is due
     */
    public record Retry(int maxAttempts, int delaySeconds) {}
}
