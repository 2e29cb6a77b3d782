package io.switchboard.simulator.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.simulator.account.AccountAuthenticator;
import io.switchboard.simulator.config.SimulatorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Delivers signed webhooks the way Twilio does, retrying 5xx and connection errors with the same token. */
@Component
public class WebhookClient {

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);
    private static final List<String> KEY_PARAMS = List.of(
            "CallStatus",
            "SequenceNumber",
            "CallDuration",
            "AnsweredBy",
            "RecordingSid",
            "RecordingStatus",
            "RecordingDuration");

    private final WebClient webClient;
    private final AccountAuthenticator accounts;
    private final MeterRegistry meters;
    private final int retries;
    private final Duration retryDelay;
    private final Duration timeout;

    WebhookClient(
            WebClient webhookWebClient,
            AccountAuthenticator accounts,
            MeterRegistry meters,
            SimulatorProperties properties) {
        this.webClient = webhookWebClient;
        this.accounts = accounts;
        this.meters = meters;
        this.retries = properties.webhookRetries();
        this.retryDelay = properties.webhookRetryDelay();
        this.timeout = properties.webhookTimeout();
    }

    /**
     * Delivers the webhook, journaling every attempt. Never fails: the final response or error is the value.
     *
     * @param retry false for a voice webhook, which Twilio does not retry
     */
    public Mono<WebhookResponse> deliver(Webhook hook, boolean retry, Consumer<DeliveryAttempt> journal) {
        String token = accounts.tokenFor(hook.accountSid())
                .orElseThrow(() -> new IllegalStateException("no auth token for " + hook.accountSid()));
        String signature = WebhookSigner.sign(token, hook.target(), hook.signedParams());
        return attempt(hook, signature, 1, retry ? hook.retries(retries) + 1 : 1, journal);
    }

    private Mono<WebhookResponse> attempt(
            Webhook hook, String signature, int attempt, int maxAttempts, Consumer<DeliveryAttempt> journal) {
        return send(hook, signature).flatMap(response -> {
            journal.accept(new DeliveryAttempt(
                    hook.kind(),
                    hook.url(),
                    hook.method().name(),
                    keyParams(hook),
                    attempt,
                    response.status(),
                    response.error(),
                    hook.idempotencyToken(),
                    Instant.now()));
            meters.counter("simulator.webhook.attempts", "kind", hook.kind(), "outcome", response.outcome())
                    .increment();
            if (response.retryable() && attempt < maxAttempts) {
                return Mono.delay(retryDelay).then(attempt(hook, signature, attempt + 1, maxAttempts, journal));
            }
            if (!response.successful()) {
                log.warn(
                        "{} {} to {} gave up after {} attempt(s): {}",
                        hook.kind(),
                        hook.params().get("CallSid"),
                        hook.url(),
                        attempt,
                        response.status() != null ? response.status() : response.error());
            }
            return Mono.just(response);
        });
    }

    private Mono<WebhookResponse> send(Webhook hook, String signature) {
        WebClient.RequestBodySpec request = webClient
                .method(hook.method())
                .uri(URI.create(hook.target()))
                .header("X-Twilio-Signature", signature)
                .header("I-Twilio-Idempotency-Token", hook.idempotencyToken())
                .header(HttpHeaders.USER_AGENT, "TwilioProxy/1.1")
                .accept(MediaType.ALL);
        WebClient.RequestHeadersSpec<?> ready = hook.method() == HttpMethod.GET
                ? request
                : request.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(hook.formEncoded());
        return ready.exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new WebhookResponse(response.statusCode().value(), body, null)))
                .timeout(timeout)
                .onErrorResume(ex -> {
                    log.debug("{} to {} failed: {}", hook.kind(), hook.url(), ex.toString());
                    return Mono.just(new WebhookResponse(null, "", ex.toString()));
                });
    }

    private static Map<String, String> keyParams(Webhook hook) {
        Map<String, String> key = new LinkedHashMap<>();
        KEY_PARAMS.stream()
                .filter(hook.params()::containsKey)
                .forEach(name -> key.put(name, hook.params().get(name)));
        return key;
    }
}
