package io.switchboard.calllog;

import static io.switchboard.calllog.CallLogFixture.T0;
import static io.switchboard.calllog.CallLogFixture.ids;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.switchboard.calllog.CallLogFixture.ThreeCalls;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.security.Scope;
import io.switchboard.testsupport.ManagementClient;
import io.switchboard.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Events in on the real broker, the call log read back over HTTP, MongoDB behind it on the wire protocol. */
class CallLogServiceIT extends CallLogIntegrationTest {

    private final String accountId = CallEvents.newAccountId();

    @Test
    void whenCallsAreLoggedThenEachHasOneDocumentWithItsTimelineRecordingAndCost() {
        ThreeCalls calls = fixture.publishThreeCalls(accountId);

        fixture.awaitThreeCallsLogged(calls);

        CallRecord answered = fixture.find(accountId, calls.answered());
        assertThat(answered.timeline())
                .extracting(CallRecord.Transition::status)
                .containsExactly("queued", "ringing", "in-progress", "completed");
        assertThat(answered.startedAt()).isEqualTo(T0);
        assertThat(answered.endedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(answered.recording().url())
                .isEqualTo("https://api.twilio.com/recordings/RE"
                        + calls.answered().substring(2));
        assertThat(answered.cost().amount()).isEqualByComparingTo("0.014");
        assertThat(answered.cost().billedMinutes()).isEqualTo(1);
        CallRecord recordedEarly = fixture.find(accountId, calls.recordedEarly());
        assertThat(recordedEarly.recording().status()).isEqualTo("completed");
        assertThat(recordedEarly.direction()).isEqualTo("outbound");
        assertThat(fixture.find(accountId, calls.busy()).timeline()).hasSize(3);
        CallPage all = fixture.search("accountId=" + accountId);
        assertThat(all.total()).as("one document per call").isEqualTo(3);
        assertThat(ids(all)).containsExactly(calls.recordedEarly(), calls.busy(), calls.answered());
    }

    @Test
    void whenTheCallsStateSaysWhoAnsweredThenTheLookupAndTheSearchServeItToAnAnalystWithoutPii() {
        // given a call whose answering machine detection the orchestrator learnt after it was answered
        String callId = CallEvents.newCallId();
        fixture.awaitProcessed(List.of(
                fixture.state(CallEvents.snapshot(callId, accountId, T0, QUEUED, IN_PROGRESS)),
                fixture.state(CallEvents.answered("machine_end_silence", callId, accountId, T0, QUEUED, IN_PROGRESS)),
                fixture.state(CallEvents.answered(
                        "machine_end_silence", callId, accountId, T0, QUEUED, IN_PROGRESS, COMPLETED)),
                // a snapshot from before it was known, delivered again
                fixture.state(CallEvents.snapshot(callId, accountId, T0, QUEUED, IN_PROGRESS))));

        // then both reads show who answered, to a token without calls:pii too (it is no personal data)
        assertThat(fixture.find(accountId, callId).answeredBy()).isEqualTo("machine_end_silence");
        String token = TestTokens.forAccount(accountId, Scope.CALLS_READ);
        client.get()
                .uri("/api/calls/{callId}", callId)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.answeredBy")
                .isEqualTo("machine_end_silence")
                .jsonPath("$.status")
                .isEqualTo("completed");
        client.get()
                .uri("/api/calls")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].callId")
                .isEqualTo(callId)
                .jsonPath("$.items[0].answeredBy")
                .isEqualTo("machine_end_silence");
    }

    @Test
    void whenFilteringByStatusAndTimeThenOnlyMatchingCallsNewestFirst() {
        ThreeCalls calls = fixture.publishThreeCalls(accountId);
        fixture.awaitThreeCallsLogged(calls);

        CallPage completed = fixture.search("accountId=" + accountId + "&status=completed");
        CallPage busy = fixture.search("accountId=" + accountId + "&status=busy");
        CallPage secondHour = fixture.search(
                "accountId=" + accountId + "&from=" + T0.plusSeconds(3600) + "&to=" + T0.plusSeconds(7200));

        assertThat(ids(completed)).containsExactly(calls.recordedEarly(), calls.answered());
        assertThat(ids(busy)).containsExactly(calls.busy());
        assertThat(ids(secondHour)).as("from inclusive, to exclusive").containsExactly(calls.busy());
    }

    @Test
    void whenPagingThenPagesSplitTheMatchesAndTotalCountsThemAll() {
        ThreeCalls calls = fixture.publishThreeCalls(accountId);
        fixture.awaitThreeCallsLogged(calls);

        CallPage first = fixture.search("accountId=" + accountId + "&size=2&page=0");
        CallPage second = fixture.search("accountId=" + accountId + "&size=2&page=1");
        CallPage beyond = fixture.search("accountId=" + accountId + "&size=2&page=2");

        assertThat(ids(first)).containsExactly(calls.recordedEarly(), calls.busy());
        assertThat(ids(second)).containsExactly(calls.answered());
        assertThat(beyond.items()).isEmpty();
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void whenQueryIsBadThenProblemNamesTheParameter() {
        var analyst = client.mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(TestTokens.forAccount(accountId, Scope.CALLS_READ)))
                .build();
        analyst.get()
                .uri("/api/calls?status=completed&from=2026-11-30T00:00:00Z&to=2026-11-01T00:00:00Z")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("from");
        analyst.get()
                .uri("/api/calls/{callId}", CallEvents.newCallId())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void whenMongoAnswersThenServiceIsReady() {
        ManagementClient.on(managementPort)
                .readiness()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
