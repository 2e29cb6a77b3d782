package io.switchboard.dialer.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.switchboard.dialer.config.DialerProperties;
import io.switchboard.events.request.CallRequest;
import org.junit.jupiter.api.Test;

class CallDialerTests {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private final ScriptedProvider provider = new ScriptedProvider();
    private final CallDialer dialer = new CallDialer(provider, properties(2), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whenProviderAcceptsThenPlacedEventCarriesCallAndRequest() {
        DialOutcome outcome = dialer.dial(request("r1"));

        assertThat(outcome).isInstanceOfSatisfying(DialOutcome.Placed.class, placed -> {
            assertThat(placed.event().callId()).isEqualTo("CA-1");
            assertThat(placed.event().requestId()).isEqualTo("r1");
            assertThat(placed.event().accountId()).isEqualTo("acme");
            assertThat(placed.event().provider()).isEqualTo("twilio");
            assertThat(placed.event().assistantId()).isEqualTo("asst");
            assertThat(placed.event().timeLimitSeconds()).isEqualTo(3600);
            assertThat(placed.event().placedAt()).isEqualTo(NOW);
        });
        assertThat(provider.calls)
                .singleElement()
                .isEqualTo(new OutboundCall("acme", "+14155552671", "+14155550123", 3600));
    }

    @Test
    void whenSameRequestAgainAfterCommitThenDuplicateAndNotDialed() {
        dialer.dial(request("r1"));
        dialer.confirm("r1");

        DialOutcome again = dialer.dial(request("r1"));

        assertThat(again).isEqualTo(new DialOutcome.Duplicate("r1"));
        assertThat(provider.calls).hasSize(1);
    }

    @Test
    void whenEarlierEventWasNotCommittedThenSameEventAgainWithoutDialing() {
        var first = (DialOutcome.Placed) dialer.dial(request("r1"));

        DialOutcome redelivered = dialer.dial(request("r1"));

        assertThat(redelivered).isEqualTo(first);
        assertThat(provider.calls).hasSize(1);
    }

    @Test
    void whenProviderRefusesThenRejectedAndALaterCopyMayDial() {
        provider.next.add(new ProviderResult.Refused("Twilio error 21211: invalid To"));

        assertThat(dialer.dial(request("r1"))).isEqualTo(new DialOutcome.Rejected("Twilio error 21211: invalid To"));
        assertThat(dialer.dial(request("r1"))).isInstanceOf(DialOutcome.Placed.class);
        assertThat(provider.calls).hasSize(2);
    }

    @Test
    void whenProviderUnavailableThenRejectedWithReason() {
        provider.next.add(new ProviderResult.Unavailable("provider unavailable after 4 attempts"));

        assertThat(dialer.dial(request("r1")))
                .isEqualTo(new DialOutcome.Rejected("provider unavailable after 4 attempts"));
    }

    @Test
    void whenProviderThrowsThenRequestReleasedForTheRetry() {
        provider.failNext = true;

        assertThatThrownBy(() -> dialer.dial(request("r1"))).isInstanceOf(IllegalStateException.class);
        assertThat(dialer.dial(request("r1"))).isInstanceOf(DialOutcome.Placed.class);
    }

    @Test
    void whenMoreRequestsThanCapacityThenOldestForgotten() {
        for (String id : List.of("r1", "r2", "r3")) {
            dialer.dial(request(id));
            dialer.confirm(id);
        }

        assertThat(dialer.dial(request("r3"))).isInstanceOf(DialOutcome.Duplicate.class);
        assertThat(dialer.dial(request("r1"))).isInstanceOf(DialOutcome.Placed.class);
    }

    private static CallRequest request(String requestId) {
        return new CallRequest(requestId, "acme", "+14155552671", "+14155550123", "asst", Map.of());
    }

    private static DialerProperties properties(int capacity) {
        var twilio = new DialerProperties.Twilio(
                URI.create("http://localhost:8090"),
                "AC1",
                "token",
                Duration.ofSeconds(1),
                new DialerProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
        return new DialerProperties(URI.create("http://localhost:8080"), Duration.ofHours(1), capacity, "", twilio);
    }

    private static final class ScriptedProvider implements OutboundCalls {
        final List<OutboundCall> calls = new ArrayList<>();
        final Deque<ProviderResult> next = new ArrayDeque<>();
        boolean failNext;

        @Override
        public ProviderResult place(OutboundCall call) {
            calls.add(call);
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("boom");
            }
            return next.isEmpty() ? new ProviderResult.Accepted("twilio", "CA-" + calls.size()) : next.poll();
        }
    }
}
