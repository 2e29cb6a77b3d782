package io.switchboard.calllog.call.persistence;

import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.switchboard.calllog.call.domain.CallLogReader;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.call.domain.CallRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Searches the call log. Filters are equality on {@code status} / {@code accountId} plus a range on
 * {@code startedAt}, sorted by {@code startedAt} descending: the shape of the indexes made at start-up.
 */
@Repository
class CallQueryRepository implements CallLogReader {

    private static final Bson NEWEST_FIRST = Sorts.descending(CallFields.STARTED_AT);

    private final MongoCollection<Document> calls;

    CallQueryRepository(MongoCollection<Document> calls) {
        this.calls = calls;
    }

    @Override
    public Mono<CallRecord> findCall(String accountId, String providerCallId) {
        var filter = new Document(CallFields.CALL_ID, providerCallId).append(CallFields.ACCOUNT_ID, accountId);
        // One provider call id per account and provider; were there two providers, the order is stable.
        return Mono.from(calls.find(filter).sort(Sorts.ascending(CallFields.ID)).first())
                .map(CallDocuments::toRecord);
    }

    @Override
    public Mono<CallPage> search(CallQuery query) {
        Document filter = filter(query);
        Mono<List<CallRecord>> items = Flux.from(calls.find(filter)
                        .sort(NEWEST_FIRST)
                        .skip(Math.toIntExact(query.offset()))
                        .limit(query.size()))
                .map(CallDocuments::toRecord)
                .collectList();
        Mono<Long> total = Mono.from(calls.countDocuments(filter));
        return Mono.zip(items, total, (page, count) -> new CallPage(page, query.page(), query.size(), count));
    }

    /**
     * Only calls whose state has arrived are listed ({@code startedAt} set): a recording or a charge
     * logged ahead of its call's state shows up once the state follows.
     */
    private static Document filter(CallQuery query) {
        var filter = new Document();
        query.status().ifPresent(status -> filter.append(CallFields.STATUS, status.wireValue()));
        query.accountId().ifPresent(accountId -> filter.append(CallFields.ACCOUNT_ID, accountId));
        var startedAt = new Document("$ne", null);
        query.from().ifPresent(from -> startedAt.append("$gte", Date.from(from)));
        query.to().ifPresent(to -> startedAt.append("$lt", Date.from(to)));
        return filter.append(CallFields.STARTED_AT, startedAt);
    }
}
