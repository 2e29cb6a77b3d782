package io.switchboard.ingress.provider.twilio.web;

import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.routing.RoutingDecided;
import io.switchboard.ingress.provider.twilio.config.TwilioProperties;
import io.switchboard.ingress.provider.twilio.domain.TwilioEventMapper;
import io.switchboard.ingress.provider.twilio.domain.TwilioSignatureVerifier;
import io.switchboard.ingress.routing.messaging.RoutingClient;
import io.switchboard.ingress.webhook.domain.WebhookRequest;
import io.switchboard.ingress.webhook.messaging.ProviderEventPublisher;
import io.switchboard.ingress.webhook.web.WebhookMetrics;
import io.switchboard.ingress.webhook.web.WebhookRequestReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Twilio's webhooks: status and recording callbacks become provider events, answered 200 only once
 * the broker acknowledged them; the voice URL also asks the orchestrator how to answer the call.
 */
@RestController
@RequestMapping(path = "/webhooks/twilio/{accountId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
class TwilioWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final WebhookRequestReader reader;
    private final TwilioSignatureVerifier verifier;
    private final TwilioEventMapper mapper;
    private final ProviderEventPublisher publisher;
    private final RoutingClient routing;
    private final WebhookMetrics metrics;
    private final String fallbackTwiml;

    TwilioWebhookController(WebhookRequestReader reader, TwilioSignatureVerifier verifier, TwilioEventMapper mapper,
            ProviderEventPublisher publisher, RoutingClient routing, WebhookMetrics metrics,
            TwilioProperties properties) {
        this.reader = reader;
        this.verifier = verifier;
        this.mapper = mapper;
        this.publisher = publisher;
        this.routing = routing;
        this.metrics = metrics;
        this.fallbackTwiml = properties.fallbackTwiml();
    }

    @PostMapping("/status")
    Mono<ResponseEntity<String>> status(@PathVariable String accountId, ServerWebExchange exchange) {
        return metrics.observe(verifier.provider(), "status", receive(accountId, exchange)
                .map(mapper::callStatus)
                .flatMap(event -> publish(accountId, event))
                .thenReturn(twiml(EMPTY_TWIML)));
    }

    @PostMapping("/recording")
    Mono<ResponseEntity<String>> recording(@PathVariable String accountId, ServerWebExchange exchange) {
        return metrics.observe(verifier.provider(), "recording", receive(accountId, exchange)
                .map(mapper::recording)
                .flatMap(event -> publish(accountId, event))
                .thenReturn(twiml(EMPTY_TWIML)));
    }

    @PostMapping("/voice")
    Mono<ResponseEntity<String>> voice(@PathVariable String accountId, ServerWebExchange exchange) {
        return metrics.observe(verifier.provider(), "voice", receive(accountId, exchange)
                .flatMap(request -> {
                    var inbound = mapper.inboundCall(request);
                    var routingRequest = mapper.routingRequest(request);
                    return publish(accountId, inbound)
                            .then(routing.decide(accountId, routingRequest))
                            .map(RoutingDecided::answerDocument)
                            .defaultIfEmpty(fallbackTwiml);
                })
                .map(TwilioWebhookController::twiml));
    }

    private Mono<WebhookRequest> receive(String accountId, ServerWebExchange exchange) {
        return reader.read(verifier, accountId, exchange);
    }

    private Mono<Void> publish(String accountId, OutgoingEvent<?> event) {
        return publisher.publish(accountId, event)
                .doOnSuccess(acked -> log.debug("Published {} {} for call {} of account {}", event.type().token(),
                        event.id(), event.subject(), accountId));
    }

    private static ResponseEntity<String> twiml(String document) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(document);
    }
}
