package io.switchboard.events.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way to wait for the broker: a send is bounded by a timeout, and whatever goes wrong comes
 * out as a {@link PublishFailedException} naming what was being published.
 */
public final class PublishDeadline {

    private PublishDeadline() {}

    /** Blocks until every send is acknowledged, at most {@code timeout} in all. */
    public static void await(Duration timeout, String what, CompletableFuture<?>... sends) {
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing " + what, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("the broker did not take " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("the broker did not acknowledge " + what + " within " + timeout, e);
        }
    }

    /**
     * The same bound without blocking: completes with the send's result, or exceptionally with a
     * {@link PublishFailedException}. A timeout completes the returned future; the send itself goes on,
     * so a late acknowledgement is not reported as an error nobody handles.
     */
    public static <T> CompletableFuture<T> bounded(CompletableFuture<T> send, Duration timeout, String what) {
        // orTimeout completes the future it is called on: on a copy, so that the send itself is left to finish.
        return send.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((result, error) -> {
            if (error == null) {
                return result;
            }
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String message = cause instanceof TimeoutException
                    ? "the broker did not acknowledge " + what + " within " + timeout
                    : "the broker did not take " + what;
            throw new PublishFailedException(message, cause);
        });
    }
}
