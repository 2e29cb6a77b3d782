package io.switchboard.ingress.webhook.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * No {@code http.server.requests} observation for webhooks: {@code switchboard.webhooks} times each
 * one by provider, type and outcome ({@link WebhookMetrics}), and the generic observation cost ~6% of
 * the ingress's CPU per webhook (docs/benchmarks.md). Actuator and every other path keep it.
 */
@Configuration(proxyBeanMethods = false)
class WebhookObservations {

    static final String WEBHOOK_PATHS = "/webhooks/";

    @Bean
    ObservationPredicate noServerObservationForWebhooks() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getPath().value().startsWith(WEBHOOK_PATHS));
    }
}
