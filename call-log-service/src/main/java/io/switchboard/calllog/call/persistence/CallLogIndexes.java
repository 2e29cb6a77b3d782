package io.switchboard.calllog.call.persistence;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.switchboard.calllog.call.config.CallLogProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Creates the indexes the searches need before the service reports ready (runners finish before
 * readiness turns to accepting traffic). Each search filters on equality first and ranges/sorts on
 * {@code startedAt} last, so one compound index serves filter, range and order; the lookup of one call
 * is equality on the provider's call id and the account. Creating an existing
 * index is a no-op, so every instance does it at start-up; if MongoDB is unreachable the start fails.
 */
@Component
class CallLogIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CallLogIndexes.class);

    private static final List<IndexModel> INDEXES = List.of(
            newestFirstBy(CallFields.STATUS),
            newestFirstBy(CallFields.ACCOUNT_ID),
            new IndexModel(Indexes.descending(CallFields.STARTED_AT)),
            // one account's call by the provider's call id (and, by its prefix, a call id across accounts)
            new IndexModel(Indexes.ascending(CallFields.CALL_ID, CallFields.ACCOUNT_ID)));

    private final MongoCollection<Document> calls;
    private final Duration timeout;

    CallLogIndexes(MongoCollection<Document> calls, CallLogProperties properties) {
        this.calls = calls;
        this.timeout = properties.writeTimeout();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> names =
                Flux.from(calls.createIndexes(INDEXES)).collectList().block(timeout);
        log.info("Indexes of {} in place: {}", calls.getNamespace(), names);
    }

    private static IndexModel newestFirstBy(String field) {
        return new IndexModel(
                Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending(CallFields.STARTED_AT)));
    }
}
