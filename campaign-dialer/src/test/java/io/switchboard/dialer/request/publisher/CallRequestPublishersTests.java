package io.switchboard.dialer.request.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import io.switchboard.dialer.request.publisher.CallRequestPublishers.Publisher;
import org.junit.jupiter.api.Test;

class CallRequestPublishersTests {

    @Test
    void whenTopicIsNotConfiguredThenThePublisherGetsOneNamedAfterIt() {
        var publishers =
                new CallRequestPublishers(Map.of("crm", new Publisher(null, "User:crm", null, Set.of("acme"))), true);

        assertThat(publishers.topics()).containsExactly("switchboard.call-requests.crm.v1");
        assertThat(publishers.ofTopic("switchboard.call-requests.crm.v1"))
                .get()
                .extracting(Publisher::name)
                .isEqualTo("crm");
        assertThat(publishers.ofTopic("switchboard.call-requests.v1")).isEmpty();
    }

    @Test
    void whenAccountIsListedOrAnyIsAllowedThenThePublisherMayRequestForIt() {
        var listed = new Publisher("crm", "User:crm", "t", Set.of("acme"));
        var any = new Publisher("solo", "User:solo", "u", Set.of(Publisher.ANY_ACCOUNT));

        assertThat(listed.mayRequestFor("acme")).isTrue();
        assertThat(listed.mayRequestFor("globex")).isFalse();
        assertThat(listed.mayRequestFor(null)).isFalse();
        assertThat(any.mayRequestFor("globex")).isTrue();
    }

    @Test
    void whenNoPublisherIsConfiguredThenTheDialerDoesNotStart() {
        assertThatThrownBy(() -> new CallRequestPublishers(Map.of(), true))
                .hasMessageContaining("switchboard.dialer.intake.publishers names no publisher");
        assertThatThrownBy(() -> new CallRequestPublishers(null, true)).hasMessageContaining("names no publisher");
    }

    @Test
    void whenAPublisherIsIncompleteThenTheErrorNamesItsProperty() {
        assertThatThrownBy(() -> new CallRequestPublishers(
                        Map.of("crm", new Publisher(null, "crm", null, Set.of("acme"))), true))
                .hasMessageContaining("switchboard.dialer.intake.publishers.crm.principal");
        assertThatThrownBy(() ->
                        new CallRequestPublishers(Map.of("crm", new Publisher(null, "User:crm", null, Set.of())), true))
                .hasMessageContaining("switchboard.dialer.intake.publishers.crm.accounts names no account");
        assertThatThrownBy(() -> new CallRequestPublishers(
                        Map.of("CRM!", new Publisher(null, "User:crm", null, Set.of("acme"))), true))
                .hasMessageContaining("lower-case letters, digits and dashes");
    }

    @Test
    void whenTwoPublishersShareATopicThenTheDialerDoesNotStart() {
        assertThatThrownBy(() -> new CallRequestPublishers(
                        Map.of(
                                "crm", new Publisher(null, "User:crm", "shared", Set.of("acme")),
                                "erp", new Publisher(null, "User:erp", "shared", Set.of("globex"))),
                        true))
                .hasMessageContaining("two publishers share the topic shared");
    }
}
