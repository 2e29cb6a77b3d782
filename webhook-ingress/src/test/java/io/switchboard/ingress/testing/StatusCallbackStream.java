package io.switchboard.ingress.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.switchboard.events.envelope.EventIds;
import io.switchboard.testsupport.FormBodies;
import io.switchboard.testsupport.TwilioSignatures;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Distinct, validly signed status callbacks (a new CallSid each), sent back to back from a few
 * threads until stopped, as Twilio would send them for many calls at once. Each is sent once,
 * whatever its answer: a 503 is not retried. Every outcome is kept with the event id the ingress
 * gives that callback and when it was sent.
 */
public final class StatusCallbackStream {

    /** One callback: its event id, the status it was answered with (-1: no answer), when it was sent. */
    public record Outcome(String eventId, String callSid, int status, long sentAtNanos, String error) {}

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final WebTestClient web;
    private final String url;
    private final String path;
    private final String accountId;
    private final String authToken;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean sending;

    /**
     * @param url       the public URL Twilio calls for {@code path}, which it signs
     * @param accountId the account {@code path} names, which every event id includes
     */
    public StatusCallbackStream(WebTestClient web, String url, String path, String accountId, String authToken) {
        this.web = web.mutate().responseTimeout(ANSWER_TIMEOUT).build();
        this.url = url;
        this.path = path;
        this.accountId = accountId;
        this.authToken = authToken;
    }

    public void start(int threads) {
        sending = true;
        for (int i = 0; i < threads; i++) {
            senders.add(Thread.ofPlatform().name("status-callbacks-" + i).start(this::send));
        }
    }

    /** Stops sending and waits for the callbacks in flight to be answered. */
    public void stop() throws InterruptedException {
        sending = false;
        for (Thread sender : senders) {
            sender.join(ANSWER_TIMEOUT.multipliedBy(2));
        }
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** How many callbacks sent since {@code fromNanos} ({@link System#nanoTime()}) got this status. */
    public long count(int status, long fromNanos) {
        return outcomes.stream()
                .filter(o -> o.status() == status && o.sentAtNanos() - fromNanos >= 0)
                .count();
    }

    /** The same for callbacks sent from {@code fromNanos} until (not including) {@code toNanos}. */
    public long count(int status, long fromNanos, long toNanos) {
        return count(status, fromNanos) - count(status, toNanos);
    }

    private void send() {
        while (sending) {
            String callSid = TwilioForms.newCallSid();
            var form = TwilioForms.status(callSid);
            // The ingress's id for a status callback without an idempotency token (README, "Event ids").
            String eventId = EventIds.of(
                    "twilio-status", accountId, callSid, form.get("CallStatus"), form.get("SequenceNumber"));
            long sentAt = System.nanoTime();
            try {
                int status = web.post()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header(TwilioSignatures.HEADER, TwilioSignatures.sign(authToken, url, form))
                        .body(BodyInserters.fromValue(FormBodies.encode(form)))
                        .exchange()
                        .expectBody()
                        .returnResult()
                        .getStatus()
                        .value();
                outcomes.add(new Outcome(eventId, callSid, status, sentAt, null));
            } catch (RuntimeException | AssertionError e) {
                outcomes.add(new Outcome(eventId, callSid, -1, sentAt, e.toString()));
            }
        }
    }
}
