package io.switchboard.calllog.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.testsupport.MongoWireServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import reactor.core.publisher.Flux;

/**
 * The audit collection's retention is a TTL index of the configured expiry, made with the search indexes. The
 * embedded MongoDB-wire server keeps the index definition but deletes nothing, so this checks the definition
 * MongoDB expires entries by, not an expiry.
 */
class AuditIndexesTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static MongoWireServer server;
    private static MongoClient client;

    private final AuditCollection audit =
            new AuditCollection(client.getDatabase("audit-index-tests").getCollection("audit-" + UUID.randomUUID()));

    @BeforeAll
    static void startMongo() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @Test
    void whenIndexesAreMadeThenEntriesExpireFourHundredDaysAfterTheyHappenedByDefault() {
        // when the indexes are made with the default retention
        indexes(defaultProperties()).run(null);

        // then occurredAt carries a TTL index of 400 days, beside the searches' indexes
        Document index = retentionIndex();
        assertThat(index.get("key", Document.class)).isEqualTo(new Document("occurredAt", 1));
        assertThat(AuditIndexes.expiry(index)).isEqualTo(Duration.ofDays(400).toSeconds());
        assertThat(indexNames()).contains("accountId_1_occurredAt_-1", "action_1_occurredAt_-1");
    }

    @Test
    void whenTheIndexesAreMadeAgainWithTheSameRetentionThenNothingChanges() {
        indexes(withRetention(Duration.ofDays(30))).run(null);

        indexes(withRetention(Duration.ofDays(30))).run(null);

        assertThat(AuditIndexes.expiry(retentionIndex()))
                .isEqualTo(Duration.ofDays(30).toSeconds());
        assertThat(indexNames()).containsOnlyOnce(AuditIndexes.RETENTION_INDEX);
    }

    @Test
    void whenTheRetentionChangesThenTheIndexExpiresEntriesAfterTheNewOne() {
        // given a collection whose entries expired after 400 days
        indexes(defaultProperties()).run(null);

        // when the service starts with a retention of 90 days
        indexes(withRetention(Duration.ofDays(90))).run(null);

        // then the one retention index expires them after 90
        assertThat(AuditIndexes.expiry(retentionIndex()))
                .isEqualTo(Duration.ofDays(90).toSeconds());
        assertThat(indexNames()).containsOnlyOnce(AuditIndexes.RETENTION_INDEX);
    }

    private AuditIndexes indexes(CallLogProperties properties) {
        return new AuditIndexes(audit, properties);
    }

    private Document retentionIndex() {
        return indexList().stream()
                .filter(index -> AuditIndexes.RETENTION_INDEX.equals(index.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no index " + AuditIndexes.RETENTION_INDEX + ": " + indexList()));
    }

    private List<String> indexNames() {
        return indexList().stream().map(index -> index.getString("name")).toList();
    }

    private List<Document> indexList() {
        return Flux.from(audit.documents().listIndexes()).collectList().block(TIMEOUT);
    }

    /** As Boot binds {@code switchboard.call-log} with nothing set: every default. */
    private static CallLogProperties defaultProperties() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("switchboard.call-log", CallLogProperties.class);
    }

    private static CallLogProperties withRetention(Duration retention) {
        return new CallLogProperties("calls", TIMEOUT, TIMEOUT, "audit", retention, "call_requests");
    }
}
