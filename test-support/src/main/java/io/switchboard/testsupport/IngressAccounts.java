package io.switchboard.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** For the tools that start a real webhook-ingress (the local stack, the benchmark). */
public final class IngressAccounts {

    private IngressAccounts() {}

    /**
     * Waits until the ingress has read an account from accounts.v1, a moment after it was published:
     * an unsigned callback to the account's status URL is answered 404 until then, and 401/403 after.
     */
    public static void awaitKnown(String statusUrl, Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var probe = HttpRequest.newBuilder(URI.create(statusUrl))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("CallSid=probe"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != 404) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new IllegalStateException("webhook-ingress does not answer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                "webhook-ingress did not learn the account behind " + statusUrl + " within " + timeout);
    }
}
