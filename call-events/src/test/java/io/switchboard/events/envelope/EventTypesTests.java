package io.switchboard.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.events.billing.WalletUpdated;
import org.junit.jupiter.api.Test;

class EventTypesTests {

    @Test
    void whenTheCatalogueIsReadThenEachTypeNamesTheServiceThatProducesIt() {
        // when
        Map<String, Set<String>> producers = EventTypes.all().stream()
                .filter(type -> !type.token().startsWith("switchboard.audit."))
                .collect(Collectors.toMap(EventType::token, EventType::producers));

        // then
        assertThat(producers)
                .containsOnly(
                        Map.entry("switchboard.provider.call-status-reported.v1", Set.of("webhook-ingress")),
                        Map.entry("switchboard.provider.recording-reported.v1", Set.of("webhook-ingress")),
                        Map.entry("switchboard.provider.inbound-call-received.v1", Set.of("webhook-ingress")),
                        Map.entry("switchboard.provider.answering-machine-detected.v1", Set.of("webhook-ingress")),
                        Map.entry("switchboard.provider.call-report-received.v1", Set.of("webhook-ingress")),
                        Map.entry("switchboard.provider.assistant-hang-reported.v1", Set.of("webhook-ingress")),
                        Map.entry("switchboard.routing.requested.v1", Set.of("webhook-ingress")),
                        Map.entry("switchboard.dialer.call-placed.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.dialer.call-request-rejected.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.dialer.call-request-received.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.dialer.call-request-due.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.dialer.call-request-cancelled.v1", Set.of("campaign-dialer")),
                        Map.entry(
                                "switchboard.dialer.call-request-outcome.v1",
                                Set.of("campaign-dialer", "call-orchestrator")),
                        Map.entry("switchboard.dialer.dial-intent-recorded.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.dialer.queued-call-recorded.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.dialer.do-not-call-changed.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.dialer.campaign-recorded.v1", Set.of("campaign-dialer")),
                        Map.entry("switchboard.call.state-changed.v1", Set.of("call-orchestrator")),
                        Map.entry("switchboard.routing.decided.v1", Set.of("call-orchestrator")),
                        Map.entry("switchboard.account.configured.v1", Set.of("call-orchestrator")),
                        Map.entry("switchboard.account.closed.v1", Set.of("call-orchestrator")),
                        Map.entry("switchboard.billing.call-charged.v1", Set.of("billing-service")),
                        Map.entry("switchboard.billing.call-not-charged.v1", Set.of("billing-service")),
                        Map.entry("switchboard.billing.wallet-topped-up.v1", Set.of("billing-service")),
                        Map.entry("switchboard.billing.wallet-updated.v1", Set.of("billing-service")));
    }

    @Test
    void whenATypeNamesNoProducerOrAnInvalidOneThenItCannotBeDeclared() {
        assertThatThrownBy(() -> EventType.of("billing", "wallet-updated", 9, WalletUpdated.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.billing.wallet-updated.v9 names no producer");
        assertThatThrownBy(() -> EventType.of("billing", "wallet-updated", 9, WalletUpdated.class, "Billing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid producer");
    }

    @Test
    void whenATypeHasSeveralProducersThenEachMaySignItAndTheyAreNamedInOrder() {
        // when
        var type = EventType.of(
                "billing", "wallet-updated", 9, WalletUpdated.class, "call-orchestrator", "billing-service");

        // then
        assertThat(type.mayBeSignedBy("billing-service")).isTrue();
        assertThat(type.mayBeSignedBy("call-orchestrator")).isTrue();
        assertThat(type.mayBeSignedBy("webhook-ingress")).isFalse();
        assertThat(type.producersText()).isEqualTo("billing-service or call-orchestrator");
    }
}
