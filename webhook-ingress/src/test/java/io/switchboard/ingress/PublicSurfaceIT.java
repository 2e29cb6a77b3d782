package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The ingress faces the internet, so its public port serves provider webhooks and nothing else: each
 * is authenticated by the provider's signature, and an API added here would have no authentication at
 * all (the services with APIs authenticate bearer tokens; the ingress has no such configuration).
 */
class PublicSurfaceIT extends WebhookIngressITSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void whenHandlersListedThenEveryOneIsAProviderWebhook() {
        assertThat(mappings.getHandlerMethods().keySet())
                .isNotEmpty()
                .allSatisfy(info -> assertThat(info.getPatternsCondition().getPatterns())
                        .allSatisfy(pattern ->
                                assertThat(pattern.getPatternString()).startsWith("/webhooks/")));
    }

    @Test
    void whenActuatorAskedOnThePublicPortThenNotThere() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        management().readiness().expectStatus().isOk();
    }
}
