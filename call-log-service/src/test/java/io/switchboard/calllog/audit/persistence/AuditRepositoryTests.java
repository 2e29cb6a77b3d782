package io.switchboard.calllog.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.switchboard.calllog.audit.domain.AuditEntry;
import io.switchboard.calllog.audit.domain.AuditPage;
import io.switchboard.calllog.audit.domain.AuditQuery;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.testsupport.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit collection's rules, against a MongoDB-wire server without Kafka or Spring. */
class AuditRepositoryTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static MongoWireServer server;
    private static MongoClient client;
    private static AuditRepository audit;

    private final String accountId = "acct-" + UUID.randomUUID();

    @BeforeAll
    static void startMongo() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.connectionString());
        var collection = new AuditCollection(client.getDatabase("audit-tests").getCollection("audit"));
        new AuditIndexes(
                        collection,
                        new CallLogProperties(
                                "calls", TIMEOUT, TIMEOUT, "audit", Duration.ofDays(400), "call_requests"))
                .run(null);
        audit = new AuditRepository(collection);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @Test
    void whenAnEntryIsStoredTwiceThenItIsKeptOnceAsItWas() {
        AuditEntry entry = entry("account.updated", T0);

        assertThat(audit.store(entry).block(TIMEOUT)).isTrue();
        assertThat(audit.store(entry).block(TIMEOUT)).isFalse();

        assertThat(search(Optional.of(accountId), Optional.empty(), Optional.empty(), Optional.empty())
                        .items())
                .containsExactly(entry);
    }

    @Test
    void whenSearchedThenFilteredByAccountActionAndWindowNewestFirst() {
        AuditEntry first = entry("account.created", T0);
        AuditEntry second = entry("calls.read-pii", T0.plusSeconds(60));
        AuditEntry third = entry("calls.read-pii", T0.plusSeconds(120));
        for (AuditEntry entry : List.of(second, first, third)) {
            audit.store(entry).block(TIMEOUT);
        }

        assertThat(search(Optional.of(accountId), Optional.empty(), Optional.empty(), Optional.empty())
                        .items())
                .containsExactly(third, second, first);
        assertThat(search(Optional.of(accountId), Optional.of("calls.read-pii"), Optional.empty(), Optional.empty())
                        .items())
                .containsExactly(third, second);
        AuditPage window =
                search(Optional.of(accountId), Optional.empty(), Optional.of(T0), Optional.of(T0.plusSeconds(120)));
        assertThat(window.items()).containsExactly(second, first);
        assertThat(window.total()).isEqualTo(2);
    }

    private AuditPage search(
            Optional<String> account, Optional<String> action, Optional<Instant> from, Optional<Instant> to) {
        return audit.search(new AuditQuery(account, action, from, to, 0, 50)).block(TIMEOUT);
    }

    private AuditEntry entry(String action, Instant at) {
        return new AuditEntry(
                UUID.randomUUID().toString(),
                action,
                "succeeded",
                "alice",
                accountId,
                accountId,
                "/api/accounts/" + accountId,
                List.of("numbers"),
                List.of("numbers: +14155****00 added"),
                null,
                at,
                "/switchboard/call-orchestrator");
    }
}
