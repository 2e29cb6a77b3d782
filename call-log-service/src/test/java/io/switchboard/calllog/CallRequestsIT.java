package io.switchboard.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.calllog.request.domain.CallRequestRecord;
import io.switchboard.calllog.request.domain.RequestOutcome;
import io.switchboard.calllog.request.domain.RequestState;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventProducers;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.refusal.Refusal;
import io.switchboard.events.security.Scope;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.RefusedEvents;
import io.switchboard.testsupport.SharedKafkaBroker;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/call-requests/{requestId}} over what call-outcomes.v1 said, on the real broker: outcomes
 * arriving out of order, twice, or re-published under the same id leave the request as it would be in order
 * and once; another account's request is a 404, like an unknown one.
 */
class CallRequestsIT extends CallLogIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @Autowired
    MeterRegistry meters;

    @Test
    void whenOutcomesArriveOutOfOrderAndTwiceThenTheRequestIsFinishedWithItsWholeHistory() {
        // given a request of an account, placed as a call that completed after 42 s
        String accountId = CallEvents.newAccountId();
        String requestId = newRequestId();
        String callId = CallEvents.newCallId();

        // when the orchestrator's finished comes first, then placed, then accepted, then placed again, then
        // accepted re-published under its id with another time (a retried transaction of the dialer)
        publish(CallRequestOutcome.finished(
                requestId, accountId, callId, CallStatus.COMPLETED, 42, T0.plusSeconds(60)));
        publish(CallRequestOutcome.placed(requestId, accountId, callId, T0.plusSeconds(2)));
        publish(CallRequestOutcome.accepted(requestId, accountId, T0));
        publish(CallRequestOutcome.placed(requestId, accountId, callId, T0.plusSeconds(2)));
        publish(CallRequestOutcome.accepted(requestId, accountId, T0.plusSeconds(1)));
        awaitProcessed(requestId);

        // then the request is finished, each outcome is kept once, oldest first, and the late accepted moved nothing
        CallRequestRecord request = find(accountId, requestId);
        assertThat(request.requestId()).isEqualTo(requestId);
        assertThat(request.accountId()).isEqualTo(accountId);
        assertThat(request.state()).isEqualTo(RequestState.FINISHED);
        assertThat(request.callId()).isEqualTo(callId);
        assertThat(request.finalStatus()).isEqualTo("completed");
        assertThat(request.durationSeconds()).isEqualTo(42);
        assertThat(request.reason()).isNull();
        assertThat(request.field()).isNull();
        assertThat(request.outcomes())
                .extracting(RequestOutcome::outcome, RequestOutcome::at)
                .containsExactly(
                        tuple("accepted", T0),
                        tuple("placed", T0.plusSeconds(2)),
                        tuple("finished", T0.plusSeconds(60)));
        // and the JSON has the documented shape
        client.get()
                .uri("/api/call-requests/{requestId}", requestId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forAccount(accountId, Scope.CALLS_READ)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("finished")
                .jsonPath("$.finalStatus")
                .isEqualTo("completed")
                .jsonPath("$.outcomes[0].outcome")
                .isEqualTo("accepted")
                .jsonPath("$.outcomes[0].at")
                .isEqualTo("2026-11-02T10:00:00Z")
                .jsonPath("$.outcomes[2].durationSeconds")
                .isEqualTo(42);
    }

    @Test
    void whenAcceptedArrivesAfterPlacedThenTheRequestStaysPlaced() {
        // given
        String accountId = CallEvents.newAccountId();
        String requestId = newRequestId();
        String callId = CallEvents.newCallId();

        // when
        publish(CallRequestOutcome.placed(requestId, accountId, callId, T0.plusSeconds(2)));
        awaitRequest(accountId, requestId, request -> request.state() == RequestState.PLACED);
        publish(CallRequestOutcome.accepted(requestId, accountId, T0));

        // then
        CallRequestRecord request =
                awaitRequest(accountId, requestId, found -> found.outcomes().size() == 2);
        assertThat(request.state()).isEqualTo(RequestState.PLACED);
        assertThat(request.callId()).isEqualTo(callId);
        assertThat(request.finalStatus()).isNull();
        assertThat(request.outcomes()).extracting(RequestOutcome::outcome).containsExactly("accepted", "placed");
    }

    @Test
    void whenARequestIsRejectedThenItsReasonAndFieldAreShownToItsAccountAndOperatorsOnly() {
        // given a request the dialer accepted, then rejected when the provider refused the number
        String accountId = CallEvents.newAccountId();
        String requestId = newRequestId();
        publish(CallRequestOutcome.accepted(requestId, accountId, T0));
        publish(CallRequestOutcome.rejected(new CallRequestRejected(
                requestId, accountId, "to is not a number the provider can call", "to", T0.plusSeconds(1))));

        // when the account reads it
        CallRequestRecord request =
                awaitRequest(accountId, requestId, found -> found.outcomes().size() == 2);

        // then
        assertThat(request.state()).isEqualTo(RequestState.REJECTED);
        assertThat(request.reason()).isEqualTo("to is not a number the provider can call");
        assertThat(request.field()).isEqualTo("to");
        assertThat(request.callId()).isNull();
        // an operator naming the account reads it too; naming none is a 400 naming accountId
        get("/api/call-requests/" + requestId + "?accountId=" + accountId, TestTokens.operator())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("rejected");
        get("/api/call-requests/" + requestId, TestTokens.operator())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("accountId");
        // another account, naming it or not, gets what an unknown request gets
        String other = CallEvents.newAccountId();
        get("/api/call-requests/" + requestId, TestTokens.forAccount(other, Scope.CALLS_READ))
                .expectStatus()
                .isNotFound();
        get(
                        "/api/call-requests/" + requestId + "?accountId=" + accountId,
                        TestTokens.forAccount(other, Scope.CALLS_READ))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Call request not found");
    }

    @Test
    void whenTheRequestIdIsMalformedOrUnknownThen400NamingItOr404() {
        String token = TestTokens.forAccount(CallEvents.newAccountId(), Scope.CALLS_READ);

        get("/api/call-requests/" + "r".repeat(129), token)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("requestId")
                .jsonPath("$.type")
                .isEqualTo("https://switchboard.io/problems/invalid-call-request-query");
        get("/api/call-requests/req*1", token)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("requestId");
        get("/api/call-requests/" + newRequestId() + "?accountId=a%20b", TestTokens.operator())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("accountId");
        get("/api/call-requests/" + newRequestId(), token)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
    }

    @Test
    void whenAnOutcomeIsFiledUnderAnotherRequestThenItIsRefusedAndNotKept() {
        // given an outcome of one request, keyed by another's id (where that other request's outcomes go)
        String accountId = CallEvents.newAccountId();
        String requestId = newRequestId();
        String neighbour = newRequestId();
        double refusedBefore = RefusedEvents.count(meters, Topic.CALL_OUTCOMES, Refusal.KEY_MISMATCH);
        var misfiled = CallRequestOutcome.accepted(requestId, accountId, T0);
        events.send(
                Topic.CALL_OUTCOMES,
                neighbour,
                events.signAs(
                        EventProducers.CAMPAIGN_DIALER,
                        EventTypes.CALL_REQUEST_OUTCOME,
                        eventId(misfiled),
                        requestId,
                        T0,
                        misfiled));

        // when the neighbour's own outcome, behind it in the same partition, is kept
        publish(CallRequestOutcome.accepted(neighbour, accountId, T0));
        awaitRequest(accountId, neighbour, request -> true);

        // then the misfiled one was refused, and its request is unknown
        assertThat(RefusedEvents.count(meters, Topic.CALL_OUTCOMES, Refusal.KEY_MISMATCH))
                .isGreaterThan(refusedBefore);
        get("/api/call-requests/" + requestId, TestTokens.forAccount(accountId, Scope.CALLS_READ))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenAFinishedOutcomeLacksTheCallsTerminalStatusOrIsSignedByTheIngressThenItIsDeadLettered() {
        // given a finished outcome without its status, and a placed one signed with the ingress's key
        String accountId = CallEvents.newAccountId();
        String statusless = newRequestId();
        String forged = newRequestId();
        var finished = new CallRequestOutcome(
                statusless, accountId, CallRequestOutcome.Outcome.FINISHED, null, null, "CA1", null, 42, T0);
        publish(finished);
        var placed = CallRequestOutcome.placed(forged, accountId, "CA2", T0);
        events.send(
                Topic.CALL_OUTCOMES,
                forged,
                events.signAs(
                        EventProducers.WEBHOOK_INGRESS,
                        EventTypes.CALL_REQUEST_OUTCOME,
                        eventId(placed),
                        forged,
                        T0,
                        placed));

        // then both go to the dead-letter topic with the reason, and neither request is known
        var deadLetters = new DeadLetterTopics(SharedKafkaBroker.bootstrapServers());
        assertThat(DeadLetterTopics.header(
                        deadLetters.awaitOne(Topic.CALL_OUTCOMES, statusless), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("has no terminal finalStatus");
        assertThat(DeadLetterTopics.header(
                        deadLetters.awaitOne(Topic.CALL_OUTCOMES, forged), DeadLetterTopics.EXCEPTION_MESSAGE))
                .contains("may be signed only by");
        String token = TestTokens.forAccount(accountId, Scope.CALLS_READ);
        get("/api/call-requests/" + statusless, token).expectStatus().isNotFound();
        get("/api/call-requests/" + forged, token).expectStatus().isNotFound();
    }

    /** As its producer publishes it: the dialer's outcomes, or the orchestrator's finished; keyed by request id. */
    private void publish(CallRequestOutcome outcome) {
        String producer = outcome.outcome() == CallRequestOutcome.Outcome.FINISHED
                ? EventProducers.CALL_ORCHESTRATOR
                : EventProducers.CAMPAIGN_DIALER;
        events.send(
                Topic.CALL_OUTCOMES,
                outcome.requestId(),
                events.signAs(
                        producer,
                        EventTypes.CALL_REQUEST_OUTCOME,
                        eventId(outcome),
                        outcome.requestId(),
                        outcome.occurredAt(),
                        outcome));
    }

    /** The producers' recipe: one id per request and kind of outcome. */
    private static String eventId(CallRequestOutcome outcome) {
        return EventIds.of(
                "call-request-outcome",
                outcome.accountId(),
                outcome.requestId(),
                outcome.outcome().wireValue());
    }

    /**
     * Waits until everything published for the request so far is applied: a marker outcome keyed by the same
     * request id lands in the same partition behind it, and is kept once every record before it was.
     */
    private void awaitProcessed(String requestId) {
        String markers = "markers";
        publish(CallRequestOutcome.accepted(requestId, markers, T0));
        awaitRequest(markers, requestId, request -> true);
    }

    private CallRequestRecord find(String accountId, String requestId) {
        return get("/api/call-requests/" + requestId, TestTokens.forAccount(accountId, Scope.CALLS_READ))
                .expectStatus()
                .isOk()
                .expectBody(CallRequestRecord.class)
                .returnResult()
                .getResponseBody();
    }

    private CallRequestRecord awaitRequest(String accountId, String requestId, Predicate<CallRequestRecord> condition) {
        List<CallRequestRecord> seen = new ArrayList<>(1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var result = client.get()
                    .uri("/api/call-requests/{requestId}", requestId)
                    .headers(headers -> headers.setBearerAuth(TestTokens.forAccount(accountId, Scope.CALLS_READ)))
                    .exchange()
                    .returnResult(CallRequestRecord.class);
            if (result.getStatus().value() == 404) {
                return false;
            }
            assertThat(result.getStatus().is2xxSuccessful()).isTrue();
            CallRequestRecord request = result.getResponseBody().blockFirst(WAIT);
            seen.clear();
            seen.add(request);
            return condition.test(request);
        });
        return seen.getFirst();
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        return client.get()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    private static String newRequestId() {
        return "crm:" + UUID.randomUUID();
    }
}
