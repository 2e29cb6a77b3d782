package io.switchboard.calllog.audit.persistence;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import io.switchboard.calllog.call.config.CallLogProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes of the audit searches, made before the service reports ready (like the call log's): each
 * search is equality on at most the account or the action, then a range and an order on {@code occurredAt}.
 * If MongoDB is unreachable the start fails.
 */
@Component
class AuditIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditIndexes.class);

    static final List<IndexModel> INDEXES = List.of(
            newestFirstBy(AuditFields.ACCOUNT_ID),
            newestFirstBy(AuditFields.ACTION),
            new IndexModel(Indexes.descending(AuditFields.OCCURRED_AT)));

    private final AuditCollection audit;
    private final Duration timeout;

    AuditIndexes(AuditCollection audit, CallLogProperties properties) {
        this.audit = audit;
        this.timeout = properties.writeTimeout();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> names = Flux.from(audit.documents().createIndexes(INDEXES))
                .collectList()
                .block(timeout);
        log.info("Indexes of {} in place: {}", audit.documents().getNamespace(), names);
    }

    private static IndexModel newestFirstBy(String field) {
        return new IndexModel(
                Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending(AuditFields.OCCURRED_AT)));
    }
}
