package io.switchboard.calllog.request.persistence;

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
 * The call requests collection's indexes, made before the service reports ready like the call log's (creating
 * an existing index is a no-op; if MongoDB is unreachable the start fails). Writes and the API's lookup use
 * {@code _id} ({@code accountId:requestId}), which needs none; {@code {accountId: 1, updatedAt: -1}} serves an
 * account's requests by recency, what an operator looks for when an account's publisher asks about its
 * requests, without a scan of every account's.
 */
@Component
class CallRequestIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CallRequestIndexes.class);

    static final List<IndexModel> INDEXES = List.of(new IndexModel(Indexes.compoundIndex(
            Indexes.ascending(CallRequestFields.ACCOUNT_ID), Indexes.descending(CallRequestFields.UPDATED_AT))));

    private final CallRequestCollection requests;
    private final Duration timeout;

    CallRequestIndexes(CallRequestCollection requests, CallLogProperties properties) {
        this.requests = requests;
        this.timeout = properties.writeTimeout();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> names = Flux.from(requests.documents().createIndexes(INDEXES))
                .collectList()
                .block(timeout);
        log.info("Indexes of {} in place: {}", requests.documents().getNamespace(), names);
    }
}
