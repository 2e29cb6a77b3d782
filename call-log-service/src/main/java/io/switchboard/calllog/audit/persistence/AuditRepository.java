package io.switchboard.calllog.audit.persistence;

import static io.switchboard.calllog.audit.persistence.AuditFields.*;

import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import io.switchboard.calllog.audit.domain.AuditEntry;
import io.switchboard.calllog.audit.domain.AuditLog;
import io.switchboard.calllog.audit.domain.AuditPage;
import io.switchboard.calllog.audit.domain.AuditQuery;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail in MongoDB: one document per entry, inserted once by the event's id (a redelivered
 * entry meets its own {@code _id} and changes nothing), never updated or deleted by the service. Searches
 * are equality on the account or action and a range on {@code occurredAt}, newest first: the indexes'
 * shape ({@link AuditIndexes}).
 */
@Repository
class AuditRepository implements AuditLog {

    private static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending(OCCURRED_AT), Sorts.ascending(ID));

    private final AuditCollection audit;

    AuditRepository(AuditCollection audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Boolean> store(AuditEntry entry) {
        return Mono.from(audit.documents().insertOne(document(entry)))
                .thenReturn(true)
                .onErrorResume(AuditRepository::isDuplicateKey, duplicate -> Mono.just(false));
    }

    @Override
    public Mono<AuditPage> search(AuditQuery query) {
        Document filter = filter(query);
        Mono<List<AuditEntry>> items = Flux.from(audit.documents()
                        .find(filter)
                        .sort(NEWEST_FIRST)
                        .skip(Math.toIntExact(query.offset()))
                        .limit(query.size()))
                .map(AuditRepository::entry)
                .collectList();
        Mono<Long> total = Mono.from(audit.documents().countDocuments(filter));
        return Mono.zip(items, total, (page, count) -> new AuditPage(page, query.page(), query.size(), count));
    }

    private static Document filter(AuditQuery query) {
        var filter = new Document();
        query.accountId().ifPresent(account -> filter.append(ACCOUNT_ID, account));
        query.action().ifPresent(action -> filter.append(ACTION, action));
        if (query.from().isPresent() || query.to().isPresent()) {
            var occurredAt = new Document();
            query.from().ifPresent(from -> occurredAt.append("$gte", Date.from(from)));
            query.to().ifPresent(to -> occurredAt.append("$lt", Date.from(to)));
            filter.append(OCCURRED_AT, occurredAt);
        }
        return filter;
    }

    static Document document(AuditEntry entry) {
        return new Document(ID, entry.id())
                .append(ACTION, entry.action())
                .append(OUTCOME, entry.outcome())
                .append(SUBJECT, entry.subject())
                .append(ACTOR_ACCOUNT_ID, entry.actorAccountId())
                .append(ACCOUNT_ID, entry.accountId())
                .append(RESOURCE, entry.resource())
                .append(PARTS, entry.parts())
                .append(CHANGES, entry.changes())
                .append(RECORDS, entry.records())
                .append(OCCURRED_AT, entry.occurredAt() == null ? null : Date.from(entry.occurredAt()))
                .append(SOURCE, entry.source());
    }

    static AuditEntry entry(Document document) {
        Date occurredAt = document.getDate(OCCURRED_AT);
        return new AuditEntry(
                document.getString(ID),
                document.getString(ACTION),
                document.getString(OUTCOME),
                document.getString(SUBJECT),
                document.getString(ACTOR_ACCOUNT_ID),
                document.getString(ACCOUNT_ID),
                document.getString(RESOURCE),
                document.getList(PARTS, String.class, List.of()),
                document.getList(CHANGES, String.class, List.of()),
                document.getInteger(RECORDS),
                occurredAt == null ? null : occurredAt.toInstant(),
                document.getString(SOURCE));
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
