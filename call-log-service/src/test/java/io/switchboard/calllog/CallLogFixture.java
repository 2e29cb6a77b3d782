package io.switchboard.calllog;

import static io.switchboard.events.call.CallStatus.BUSY;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.provider.RecordingReported;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestTokens;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the running service as its neighbours would (signed events in) and reads it as analysts do (HTTP). */
public final class CallLogFixture {

    public static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MARKERS = "markers";

    private final WebTestClient client;
    private final SignedEvents events;

    public CallLogFixture(WebTestClient client, SignedEvents events) {
        this.client = client;
        this.events = events;
    }

    /** Three calls an hour apart: answered (recording after its state, charged), busy, and one recorded early. */
    public record ThreeCalls(
            String accountId, String answered, String busy, String recordedEarly, List<RecordMetadata> sent) {}

    public ThreeCalls publishThreeCalls(String accountId) {
        String answered = CallEvents.newCallId();
        String busy = CallEvents.newCallId();
        String recordedEarly = CallEvents.newCallId();
        List<RecordMetadata> sent = new ArrayList<>();
        sent.addAll(progress(answered, accountId, T0, QUEUED, RINGING, IN_PROGRESS, COMPLETED));
        sent.add(recording(CallEvents.recording(answered, accountId, "completed")));
        sent.add(charge(CallEvents.charge(answered, accountId)));
        sent.addAll(progress(busy, accountId, T0.plusSeconds(3600), QUEUED, RINGING, BUSY));
        sent.add(recording(CallEvents.recording(recordedEarly, accountId, "completed")));
        sent.addAll(progress(recordedEarly, accountId, T0.plusSeconds(7200), QUEUED, IN_PROGRESS, COMPLETED));
        return new ThreeCalls(accountId, answered, busy, recordedEarly, sent);
    }

    public void awaitThreeCallsLogged(ThreeCalls calls) {
        awaitCall(
                calls.accountId(),
                calls.answered(),
                call -> "completed".equals(call.status()) && call.recording() != null && call.cost() != null);
        awaitCall(calls.accountId(), calls.busy(), call -> "busy".equals(call.status()));
        awaitCall(
                calls.accountId(),
                calls.recordedEarly(),
                call -> "completed".equals(call.status()) && call.recording() != null);
    }

    /** One snapshot per step of {@code path}, as the orchestrator publishes them. */
    public List<RecordMetadata> progress(String callId, String accountId, Instant startedAt, CallStatus... path) {
        List<RecordMetadata> sent = new ArrayList<>();
        for (int step = 1; step <= path.length; step++) {
            sent.add(state(CallEvents.snapshot(callId, accountId, startedAt, Arrays.copyOf(path, step))));
        }
        return sent;
    }

    /** As the orchestrator publishes it: key and subject are the call key. */
    public RecordMetadata state(CallStateChanged state) {
        String key = CallEvents.key(state.callId(), state.accountId());
        return events.send(
                Topic.CALL_STATES,
                key,
                events.sign(
                        EventTypes.CALL_STATE_CHANGED,
                        EventIds.of(key, state.status().wireValue()),
                        key,
                        state.changedAt(),
                        state));
    }

    /** As the dialer publishes it: key and subject are the provider call id, one event id per request. */
    public RecordMetadata placement(CallPlaced placed) {
        return events.send(
                Topic.PROVIDER_EVENTS,
                placed.callId(),
                events.sign(
                        EventTypes.CALL_PLACED,
                        EventIds.of("call-placed", placed.requestId()),
                        placed.callId(),
                        placed.placedAt(),
                        placed));
    }

    public RecordMetadata recording(RecordingReported recording) {
        return events.send(
                Topic.PROVIDER_EVENTS,
                recording.callId(),
                events.sign(
                        EventTypes.RECORDING_REPORTED,
                        EventIds.of(recording.recordingId(), recording.status()),
                        recording.callId(),
                        recording.receivedAt(),
                        recording));
    }

    /** As billing publishes it: keyed by account id, subject the call key. */
    public RecordMetadata charge(CallCharged charge) {
        String key = CallEvents.key(charge.callId(), charge.accountId());
        return events.send(
                Topic.LEDGER,
                charge.accountId(),
                events.sign(EventTypes.CALL_CHARGED, EventIds.of("charge", key), key, charge.chargedAt(), charge));
    }

    /**
     * Waits until every partition these records went to has been consumed past them: a marker event is
     * sent behind them to the same partition and awaited, since one partition is consumed in order.
     */
    public void awaitProcessed(List<RecordMetadata> sent) {
        sent.stream()
                .map(record -> new TopicPartition(record.topic(), record.partition()))
                .distinct()
                .forEach(partition -> awaitCall(MARKERS, sendMarker(partition), call -> true));
    }

    /** A new call's event on {@code partition}, of the kind that topic carries; returns its call id. */
    private String sendMarker(TopicPartition partition) {
        String marker = CallEvents.newCallId();
        String accountId = MARKERS;
        switch (Topic.byName(partition.topic())) {
            case CALL_STATES ->
                events.send(
                        Topic.CALL_STATES,
                        partition.partition(),
                        CallEvents.key(marker, accountId),
                        events.sign(
                                EventTypes.CALL_STATE_CHANGED,
                                EventIds.of(marker),
                                CallEvents.key(marker, accountId),
                                T0,
                                CallEvents.snapshot(marker, accountId, T0, QUEUED)));
            case PROVIDER_EVENTS ->
                events.send(
                        Topic.PROVIDER_EVENTS,
                        partition.partition(),
                        marker,
                        events.sign(
                                EventTypes.RECORDING_REPORTED,
                                EventIds.of(marker),
                                marker,
                                T0,
                                CallEvents.recording(marker, accountId, "completed")));
            case LEDGER ->
                events.send(
                        Topic.LEDGER,
                        partition.partition(),
                        accountId,
                        events.sign(
                                EventTypes.CALL_CHARGED,
                                EventIds.of(marker),
                                CallEvents.key(marker, accountId),
                                T0,
                                CallEvents.charge(marker, accountId)));
            default -> throw new IllegalArgumentException("no marker for " + partition);
        }
        return marker;
    }

    /**
     * A new request of the account, as the dialer accepts it on call-outcomes.v1 (keyed and subject by its
     * request id), once the call log serves it; returns its request id.
     */
    public String acceptedRequest(String accountId) {
        String requestId = "req-" + CallEvents.newCallId();
        var accepted = CallRequestOutcome.accepted(requestId, accountId, T0);
        events.send(
                Topic.CALL_OUTCOMES,
                requestId,
                events.signAs(
                        EventProducers.CAMPAIGN_DIALER,
                        EventTypes.CALL_REQUEST_OUTCOME,
                        EventIds.of("call-request-outcome", accountId, requestId, "accepted"),
                        requestId,
                        T0,
                        accepted));
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> client.get()
                                .uri("/api/call-requests/{requestId}", requestId)
                                .headers(headers ->
                                        headers.setBearerAuth(TestTokens.forAccount(accountId, Scope.CALLS_READ)))
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()
                        == 200);
        return requestId;
    }

    public CallRecord awaitCall(String accountId, String callId, Predicate<CallRecord> condition) {
        List<CallRecord> seen = new ArrayList<>(1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            CallRecord call = find(accountId, callId);
            seen.clear();
            if (call != null) {
                seen.add(call);
            }
            return call != null && condition.test(call);
        });
        return seen.getFirst();
    }

    /** As the account's analyst allowed to see personal data reads it. */
    public CallRecord find(String accountId, String callId) {
        var result = client.get()
                .uri("/api/calls/{callId}", callId)
                .headers(headers ->
                        headers.setBearerAuth(TestTokens.forAccount(accountId, Scope.CALLS_READ, Scope.CALLS_PII)))
                .exchange()
                .returnResult(CallRecord.class);
        if (result.getStatus().value() == 404) {
            return null;
        }
        assertThat(result.getStatus().is2xxSuccessful()).isTrue();
        return result.getResponseBody().blockFirst(WAIT);
    }

    /** As an operator allowed to see personal data searches: the query names the account, if any. */
    public CallPage search(String query) {
        return client.get()
                .uri("/api/calls?" + query)
                .headers(headers -> headers.setBearerAuth(TestTokens.operator(Scope.CALLS_PII)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(CallPage.class)
                .returnResult()
                .getResponseBody();
    }

    public static List<String> ids(CallPage page) {
        return page.items().stream().map(CallRecord::callId).toList();
    }
}
