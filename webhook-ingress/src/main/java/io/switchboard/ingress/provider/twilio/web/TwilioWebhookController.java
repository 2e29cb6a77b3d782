package io.switchboard.ingress.provider.twilio.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.ingress.provider.twilio.config.TwilioProperties;
import io.switchboard.ingress.provider.twilio.domain.TwilioEventMapper;
import io.switchboard.ingress.provider.twilio.domain.TwilioSignatureVerifier;
import io.switchboard.ingress.routing.messaging.RoutingClient;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.messaging.ProviderEventPublisher;
import io.switchboard.ingress.webhook.web.WebhookIntake;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Twilio's webhooks: status, recording and async AMD callbacks (the account's, or a placed call's naming its
 * request) become provider events, answered 200
 * only once the broker acknowledged them (or acknowledged the same event id within the dedup
 * window); the voice URL also asks the orchestrator how to answer the call. Twilio posts forms; a
 * JSON body is accepted too, verified through its {@code bodySHA256}.
 */
@RestController
@RequestMapping(
        path = "/webhooks/twilio/{accountId}",
        consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.APPLICATION_JSON_VALUE})
class TwilioWebhookController {

    private static final byte[] EMPTY_TWIML =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>".getBytes(StandardCharsets.UTF_8);
    private static final MediaType TWIML = new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8);
    /** As the call-request schema allows request ids: anything else was never a URL the dialer gave out. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final WebhookIntake intake;
    private final TwilioSignatureVerifier verifier;
    private final TwilioEventMapper mapper;
    private final ProviderEventPublisher publisher;
    private final RoutingClient routing;
    private final String fallbackTwiml;

    TwilioWebhookController(
            WebhookIntake intake,
            TwilioSignatureVerifier verifier,
            TwilioEventMapper mapper,
            ProviderEventPublisher publisher,
            RoutingClient routing,
            TwilioProperties properties) {
        this.intake = intake;
        this.verifier = verifier;
        this.mapper = mapper;
        this.publisher = publisher;
        this.routing = routing;
        this.fallbackTwiml = properties.fallbackTwiml();
    }

    @PostMapping("/status")
    Mono<Void> status(@PathVariable String accountId, ServerWebExchange exchange) {
        return publishing("status", accountId, exchange, mapper::callStatus);
    }

    @PostMapping("/recording")
    Mono<Void> recording(@PathVariable String accountId, ServerWebExchange exchange) {
        return publishing("recording", accountId, exchange, mapper::recording);
    }

    @PostMapping("/amd")
    Mono<Void> answeringMachine(@PathVariable String accountId, ServerWebExchange exchange) {
        return publishing("amd", accountId, exchange, mapper::answeringMachine);
    }

    /**
     * The async AMD callback of a call the dialer placed: its URL names the call request, like the call's voice
     * URL, and the signature covers it, so the event carries a request id the account's own credential vouched for.
     */
    @PostMapping("/outbound/{requestId}/amd")
    Mono<Void> answeringMachineOfOutboundCall(
            @PathVariable String accountId, @PathVariable String requestId, ServerWebExchange exchange) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return publishing("outbound-amd", accountId, exchange, request -> mapper.answeringMachine(request, requestId));
    }

    /** A repeated voice webhook still gets its TwiML; only the InboundCallReceived is not published twice. */
    @PostMapping("/voice")
    Mono<Void> voice(@PathVariable String accountId, ServerWebExchange exchange) {
        return intake.receive(verifier, "voice", accountId, exchange, request -> {
            var inbound = mapper.inboundCall(request);
            var routingRequest = mapper.routingRequest(request);
            return routing.decideAfter(publisher.publish(accountId, inbound), accountId, routingRequest)
                    .map(RoutingDecided::answerDocument)
                    .defaultIfEmpty(fallbackTwiml)
                    .flatMap(document -> twiml(exchange, document.getBytes(StandardCharsets.UTF_8)));
        });
    }

    /**
     * The voice URL of a call the dialer placed, fetched when the callee answers: it names the call request,
     * so the orchestrator answers as that request asked. Not an inbound call: nothing is published but the
     * routing request. The request id is in the path, which Twilio's signature covers.
     */
    @PostMapping("/outbound/{requestId}/voice")
    Mono<Void> answeredOutboundCall(
            @PathVariable String accountId, @PathVariable String requestId, ServerWebExchange exchange) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return intake.receive(
                verifier,
                "outbound-voice",
                accountId,
                exchange,
                request -> routing.decideAfter(Mono.empty(), accountId, mapper.routingRequest(request, requestId))
                        .map(RoutingDecided::answerDocument)
                        .defaultIfEmpty(fallbackTwiml)
                        .flatMap(document -> twiml(exchange, document.getBytes(StandardCharsets.UTF_8))));
    }

    private Mono<Void> publishing(
            String type,
            String accountId,
            ServerWebExchange exchange,
            Function<WebhookRequest, OutgoingEvent<?>> mapping) {
        return intake.receive(
                verifier,
                type,
                accountId,
                exchange,
                request -> publisher
                        .publish(accountId, mapping.apply(request))
                        .then(Mono.defer(() -> twiml(exchange, EMPTY_TWIML))));
    }

    /**
     * Writes the answer itself rather than returning a {@code ResponseEntity}: the result handler's
     * encoder selection for every callback cost more than the write (docs/benchmarks.md).
     */
    private static Mono<Void> twiml(ServerWebExchange exchange, byte[] document) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(TWIML);
        response.getHeaders().setContentLength(document.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(document)));
    }
}
