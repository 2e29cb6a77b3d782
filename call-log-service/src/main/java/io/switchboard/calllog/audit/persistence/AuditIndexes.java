package io.switchboard.calllog.audit.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.switchboard.calllog.call.config.CallLogProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The indexes of the audit searches, made before the service reports ready (like the call log's): each
 * search is equality on at most the account or the action, then a range and an order on {@code occurredAt}.
 * If MongoDB is unreachable the start fails.
 *
 * <p>The single-field index on {@code occurredAt} is also the collection's retention: a TTL index
 * ({@value #RETENTION_INDEX}) that lets MongoDB delete an entry {@code switchboard.call-log.audit-retention}
 * after it happened, so the copy is kept as long as audit.v1 keeps the entry. It is ascending, so it does not
 * collide with the plain {@code occurredAt_-1} index that deployments from before it hold (which it makes
 * redundant; drop that one at leisure). When the retention changes, the index is dropped and made again
 * with the new expiry: a MongoDB refuses an index that differs from an existing one of its name only by its
 * options, and drop-and-create works on every server this runs against (collMod does not on the embedded
 * wire server of the local stack and the tests).
 */
@Component
class AuditIndexes implements ApplicationRunner {

    static final String RETENTION_INDEX = "audit-retention";

    private static final Logger log = LoggerFactory.getLogger(AuditIndexes.class);

    private final AuditCollection audit;
    private final Duration timeout;
    private final long retentionSeconds;

    AuditIndexes(AuditCollection audit, CallLogProperties properties) {
        this.audit = audit;
        this.timeout = properties.writeTimeout();
        this.retentionSeconds = properties.auditRetention().toSeconds();
    }

    @Override
    public void run(ApplicationArguments args) {
        dropRetentionIndexOfAnotherExpiry();
        List<String> names = Flux.from(audit.documents().createIndexes(indexes()))
                .collectList()
                .block(timeout);
        log.info(
                "Indexes of {} in place: {}; entries expire {} s after they happened",
                audit.documents().getNamespace(),
                names,
                retentionSeconds);
    }

    private List<IndexModel> indexes() {
        return List.of(
                newestFirstBy(AuditFields.ACCOUNT_ID),
                newestFirstBy(AuditFields.ACTION),
                new IndexModel(
                        Indexes.ascending(AuditFields.OCCURRED_AT),
                        new IndexOptions().name(RETENTION_INDEX).expireAfter(retentionSeconds, TimeUnit.SECONDS)));
    }

    private void dropRetentionIndexOfAnotherExpiry() {
        Document existing = Flux.from(audit.documents().listIndexes())
                .filter(index -> RETENTION_INDEX.equals(index.getString("name")))
                .next()
                .block(timeout);
        if (existing != null && expiry(existing) != retentionSeconds) {
            log.info(
                    "Audit retention of {} changes from {} s to {} s: replacing its TTL index",
                    audit.documents().getNamespace(),
                    expiry(existing),
                    retentionSeconds);
            Mono.from(audit.documents().dropIndex(RETENTION_INDEX)).block(timeout);
        }
    }

    /** The index's {@code expireAfterSeconds}, which servers store as an int, a long or a double; -1 without one. */
    static long expiry(Document index) {
        return index.get("expireAfterSeconds") instanceof Number seconds ? seconds.longValue() : -1;
    }

    private static IndexModel newestFirstBy(String field) {
        return new IndexModel(
                Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending(AuditFields.OCCURRED_AT)));
    }
}
