package io.switchboard.calllog.call.persistence;

import java.time.Instant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.switchboard.calllog.call.domain.CallLogWriter;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.provider.RecordingReported;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Writes events into call documents, each as an idempotent upsert of the document whose {@code _id} is
 * the call's key ({@code provider:accountId:providerCallId}): the same provider call id of two accounts
 * is two documents, and an event of one can never reach the other's.
 */
@Repository
class CallLogRepository implements CallLogWriter {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> calls;

    CallLogRepository(MongoCollection<Document> calls) {
        this.calls = calls;
    }

    @Override
    public Mono<Boolean> applyState(CallKey call, CallStateChanged state, Instant eventTime) {
        return upsert(CallUpdates.stateFilter(call, state), CallUpdates.stateUpdate(call, state, eventTime))
                .map(result -> result.getMatchedCount() > 0 || result.getUpsertedId() != null);
    }

    @Override
    public Mono<Void> applyRecording(CallKey call, RecordingReported recording, Instant eventTime) {
        return upsert(CallUpdates.callFilter(call), CallUpdates.recordingUpdate(call, recording, eventTime))
                .then();
    }

    @Override
    public Mono<Void> applyPlacement(CallKey call, CallPlaced placed, Instant eventTime) {
        return upsert(CallUpdates.callFilter(call), CallUpdates.placementUpdate(call, placed, eventTime))
                .then();
    }

    @Override
    public Mono<Void> applyCharge(CallKey call, CallCharged charge, Instant eventTime) {
        return upsert(CallUpdates.callFilter(call), CallUpdates.costUpdate(call, charge, eventTime))
                .then();
    }

    /**
     * An upsert whose filter matches no document inserts one with the filter's {@code _id}; if that id
     * exists (the guard excluded it, or another listener inserted it a moment ago) MongoDB answers
     * duplicate key. The document then exists, so the plain update decides: it applies, or the guard
     * still excludes the document and nothing changes.
     */
    private Mono<UpdateResult> upsert(Document filter, Document update) {
        return Mono.from(calls.updateOne(filter, update, UPSERT))
                .onErrorResume(
                        CallLogRepository::isDuplicateKey, duplicate -> Mono.from(calls.updateOne(filter, update)));
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
