package io.switchboard.calllog.request.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.calllog.request.domain.CallRequestRecord;
import io.switchboard.calllog.request.domain.RequestOutcome;
import io.switchboard.calllog.request.domain.RequestState;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallRequestOutcome;
import io.switchboard.testsupport.MongoWireServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The write and read rules of the call requests collection, against a MongoDB-wire server without Kafka or Spring. */
class CallRequestRepositoryTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static MongoWireServer server;
    private static MongoClient client;
    private static CallRequestCollection requests;
    private static CallRequestRepository repository;

    private final String requestId = "crm:" + UUID.randomUUID();

    @BeforeAll
    static void startMongo() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.connectionString());
        requests = new CallRequestCollection(client.getDatabase("calllog-tests").getCollection("call_requests"));
        new CallRequestIndexes(
                        requests,
                        new CallLogProperties(
                                "calls", TIMEOUT, TIMEOUT, "audit", Duration.ofDays(400), "call_requests"))
                .run(null);
        repository = new CallRequestRepository(requests);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @Test
    void whenOutcomesArriveLateAndTwiceThenEachIsKeptOnceAndTheStateOnlyMovesForward() {
        // when finished, placed, accepted arrive in reverse order, and each again (accepted with another time)
        assertThat(record(finished())).isTrue();
        assertThat(record(placed())).isTrue();
        assertThat(record(CallRequestOutcome.accepted(requestId, "acme", T0))).isTrue();
        assertThat(record(placed())).isFalse();
        assertThat(record(finished())).isFalse();
        assertThat(record(CallRequestOutcome.accepted(requestId, "acme", T0.plusSeconds(1))))
                .isFalse();

        // then
        CallRequestRecord request = find("acme");
        assertThat(request.state()).isEqualTo(RequestState.FINISHED);
        assertThat(request.requestId()).isEqualTo(requestId);
        assertThat(request.accountId()).isEqualTo("acme");
        assertThat(request.callId()).isEqualTo("CA1");
        assertThat(request.finalStatus()).isEqualTo("completed");
        assertThat(request.durationSeconds()).isEqualTo(42);
        assertThat(request.outcomes())
                .extracting(RequestOutcome::outcome, RequestOutcome::at)
                .containsExactly(
                        tuple("accepted", T0),
                        tuple("placed", T0.plusSeconds(2)),
                        tuple("finished", T0.plusSeconds(50)));
        Document stored = Mono.from(requests.documents()
                        .find(new Document("_id", "acme:" + requestId))
                        .first())
                .block(TIMEOUT);
        assertThat(stored.getDate("updatedAt").toInstant()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void whenARequestIsScheduledThenItsDueTimeIsKeptAndReadBack() {
        Instant dueAt = T0.plusSeconds(86_400);

        assertThat(record(CallRequestOutcome.scheduled(requestId, "acme", dueAt, T0)))
                .isTrue();

        CallRequestRecord request = find("acme");
        assertThat(request.state()).isEqualTo(RequestState.SCHEDULED);
        assertThat(request.dueAt()).isEqualTo(dueAt);
        assertThat(request.outcomes())
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.dueAt()).isEqualTo(dueAt));
    }

    @Test
    void whenTwoAccountsUseOneRequestIdThenTheyAreTwoRequests() {
        // when
        record(CallRequestOutcome.accepted(requestId, "acme", T0));
        record(CallRequestOutcome.placed(requestId, "globex", "CA2", T0));

        // then
        assertThat(find("acme").state()).isEqualTo(RequestState.ACCEPTED);
        assertThat(find("acme").callId()).isNull();
        assertThat(find("globex").state()).isEqualTo(RequestState.PLACED);
        assertThat(repository.find("initech", requestId).blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void whenStartedThenTheIndexesAreInPlace() {
        List<String> names = Flux.from(requests.documents().listIndexes())
                .map(index -> index.getString("name"))
                .collectList()
                .block(TIMEOUT);

        assertThat(names).contains("accountId_1_updatedAt_-1");
    }

    private CallRequestOutcome placed() {
        return CallRequestOutcome.placed(requestId, "acme", "CA1", T0.plusSeconds(2));
    }

    private CallRequestOutcome finished() {
        return CallRequestOutcome.finished(requestId, "acme", "CA1", CallStatus.COMPLETED, 42, T0.plusSeconds(50));
    }

    private boolean record(CallRequestOutcome outcome) {
        return Boolean.TRUE.equals(repository.record(outcome).block(TIMEOUT));
    }

    private CallRequestRecord find(String accountId) {
        return repository.find(accountId, requestId).block(TIMEOUT);
    }
}
