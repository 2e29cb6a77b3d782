package io.switchboard.ingress.provider.vapi.web;

import java.time.Duration;
import java.util.Set;

import io.switchboard.ingress.provider.vapi.config.VapiProperties;
import io.switchboard.ingress.provider.vapi.domain.VapiAssistantAnswers;
import io.switchboard.ingress.provider.vapi.domain.VapiEventMapper;
import io.switchboard.ingress.provider.vapi.domain.VapiMessage;
import io.switchboard.ingress.provider.vapi.domain.VapiVerifier;
import io.switchboard.ingress.routing.messaging.RoutingClient;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.messaging.ProviderEventPublisher;
import io.switchboard.ingress.webhook.web.WebhookIntake;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * VAPI's server URL: every server message for an account arrives at one path and names its type in
 * the body. status-update, end-of-call-report and hang become provider events, answered 200 only
 * once the broker acknowledged them; assistant-request asks the orchestrator which assistant takes
 * the call, through the same routing request-reply as Twilio's voice URL, and answers its JSON
 * within VAPI's time limit. Message types we do not use are answered 200 and dropped.
 */
@RestController
@RequestMapping(path = "/webhooks/vapi/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE)
class VapiWebhookController {

    private static final String ACCEPTED = "{}";
    private static final Set<String> HANDLED =
            Set.of("status-update", "end-of-call-report", "hang", "assistant-request");

    private final WebhookIntake intake;
    private final VapiVerifier verifier;
    private final VapiEventMapper mapper;
    private final ProviderEventPublisher publisher;
    private final RoutingClient routing;
    private final VapiAssistantAnswers answers;
    private final Duration routingDeadline;

    VapiWebhookController(
            WebhookIntake intake,
            VapiVerifier verifier,
            VapiEventMapper mapper,
            ProviderEventPublisher publisher,
            RoutingClient routing,
            VapiAssistantAnswers answers,
            VapiProperties properties) {
        this.intake = intake;
        this.verifier = verifier;
        this.mapper = mapper;
        this.publisher = publisher;
        this.routing = routing;
        this.answers = answers;
        this.routingDeadline = properties.assistantRequest().deadline();
    }

    @PostMapping
    Mono<ResponseEntity<String>> serverMessage(@PathVariable String accountId, ServerWebExchange exchange) {
        return intake.receive(
                verifier,
                accountId,
                exchange,
                VapiWebhook::of,
                VapiWebhook::type,
                webhook -> handle(accountId, webhook));
    }

    private Mono<ResponseEntity<String>> handle(String accountId, VapiWebhook webhook) {
        VapiMessage message = webhook.message();
        return switch (message.type()) {
            case "status-update" ->
                Mono.justOrEmpty(mapper.status(accountId, message))
                        .flatMap(event -> publisher.publish(accountId, event))
                        .then(Mono.fromSupplier(VapiWebhookController::accepted));
            case "end-of-call-report" ->
                publisher
                        .publish(accountId, mapper.report(accountId, message))
                        .then(Mono.fromSupplier(VapiWebhookController::accepted));
            case "hang" ->
                publisher
                        .publish(
                                accountId,
                                mapper.hang(
                                        accountId, message, webhook.request().body()))
                        .then(Mono.fromSupplier(VapiWebhookController::accepted));
            case "assistant-request" -> assistant(accountId, message);
            default -> Mono.just(accepted());
        };
    }

    /** A repeated assistant-request still gets its answer; only the InboundCallReceived is not published twice. */
    private Mono<ResponseEntity<String>> assistant(String accountId, VapiMessage message) {
        var inbound = mapper.inboundCall(accountId, message);
        var routingRequest = mapper.routingRequest(accountId, message);
        return routing.decideAfter(publisher.publish(accountId, inbound), accountId, routingRequest, routingDeadline)
                .flatMap(decided -> Mono.justOrEmpty(answers.answer(decided)))
                .defaultIfEmpty(answers.fallback())
                .map(VapiWebhookController::json);
    }

    private static ResponseEntity<String> accepted() {
        return json(ACCEPTED);
    }

    private static ResponseEntity<String> json(String document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    /** A verified request and the server message in it. */
    private record VapiWebhook(WebhookRequest request, VapiMessage message) {

        static VapiWebhook of(WebhookRequest request) {
            return new VapiWebhook(request, VapiMessage.read(request.body()));
        }

        /** The type as a metric tag: any other type VAPI may add is counted as {@code other}, not as itself. */
        String type() {
            return HANDLED.contains(message.type()) ? message.type() : "other";
        }
    }
}
