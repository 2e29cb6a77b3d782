package io.switchboard.calllog.request.persistence;

import static io.switchboard.calllog.request.persistence.CallRequestFields.*;

import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import io.switchboard.calllog.request.domain.CallRequestLog;
import io.switchboard.calllog.request.domain.CallRequestRecord;
import io.switchboard.calllog.request.domain.RequestOutcome;
import io.switchboard.events.dialer.CallRequestOutcome;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Call requests in MongoDB: one document per request of an account, holding the outcomes heard for it, at most
 * one of each kind. Each outcome is one upsert that adds its entry only if the document has no entry of that
 * kind yet, so a redelivered or duplicated outcome changes nothing, and outcomes may arrive in any order: the
 * state is derived from the set when read ({@link CallRequestRecord#of}), never stored, so a late outcome
 * cannot overwrite a later state.
 */
@Repository
class CallRequestRepository implements CallRequestLog {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final CallRequestCollection requests;

    CallRequestRepository(CallRequestCollection requests) {
        this.requests = requests;
    }

    @Override
    public Mono<Boolean> record(CallRequestOutcome outcome) {
        RequestOutcome entry = RequestOutcome.of(outcome);
        Document filter = new Document(ID, id(outcome.accountId(), outcome.requestId()))
                .append(OUTCOMES + "." + OUTCOME, new Document("$ne", entry.outcome()));
        Document update = new Document(
                        "$setOnInsert",
                        new Document(ACCOUNT_ID, outcome.accountId()).append(REQUEST_ID, outcome.requestId()))
                .append("$push", new Document(OUTCOMES, document(entry)))
                .append("$max", new Document(UPDATED_AT, date(entry)));
        return upsert(filter, update).map(result -> result.getModifiedCount() > 0 || result.getUpsertedId() != null);
    }

    @Override
    public Mono<CallRequestRecord> find(String accountId, String requestId) {
        return Mono.from(requests.documents()
                        .find(new Document(ID, id(accountId, requestId)))
                        .first())
                .mapNotNull(CallRequestRepository::record);
    }

    /**
     * An upsert whose filter matches no document inserts one with the filter's {@code _id}; if that id exists
     * (it already has an outcome of this kind, or another listener inserted it a moment ago) MongoDB answers
     * duplicate key. The document then exists, so the plain update decides: it adds the outcome, or the
     * document still has one of its kind and nothing changes.
     */
    private Mono<UpdateResult> upsert(Document filter, Document update) {
        return Mono.from(requests.documents().updateOne(filter, update, UPSERT))
                .onErrorResume(
                        CallRequestRepository::isDuplicateKey,
                        duplicate -> Mono.from(requests.documents().updateOne(filter, update)));
    }

    private static Document document(RequestOutcome entry) {
        return new Document(OUTCOME, entry.outcome())
                .append(AT, date(entry))
                .append(REASON, entry.reason())
                .append(FIELD, entry.field())
                .append(CALL_ID, entry.callId())
                .append(FINAL_STATUS, entry.finalStatus())
                .append(DURATION_SECONDS, entry.durationSeconds())
                .append(DUE_AT, entry.dueAt() == null ? null : Date.from(entry.dueAt()));
    }

    /** Null for a document without outcomes, which no write of this class leaves. */
    private static CallRequestRecord record(Document document) {
        List<RequestOutcome> outcomes = document.getList(OUTCOMES, Document.class, List.of()).stream()
                .map(CallRequestRepository::outcome)
                .toList();
        if (outcomes.isEmpty()) {
            return null;
        }
        return CallRequestRecord.of(document.getString(REQUEST_ID), document.getString(ACCOUNT_ID), outcomes);
    }

    private static RequestOutcome outcome(Document entry) {
        Date at = entry.getDate(AT);
        Date dueAt = entry.getDate(DUE_AT);
        return new RequestOutcome(
                entry.getString(OUTCOME),
                at == null ? null : at.toInstant(),
                entry.getString(REASON),
                entry.getString(FIELD),
                entry.getString(CALL_ID),
                entry.getString(FINAL_STATUS),
                entry.getInteger(DURATION_SECONDS),
                dueAt == null ? null : dueAt.toInstant());
    }

    private static Date date(RequestOutcome entry) {
        return entry.at() == null ? null : Date.from(entry.at());
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
