package io.switchboard.calllog.call.persistence;

import static io.switchboard.calllog.call.persistence.CallFields.*;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.call.CallTransition;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.provider.RecordingReported;
import org.bson.Document;

/**
 * The filter and update each event becomes. Every filter names the call's document by its key
 * ({@code _id}: {@code provider:accountId:providerCallId}), and every update {@code $set}s the key's
 * parts, so a document's account is always the one in its id. Updates only {@code $set} values taken
 * from the event and move {@code updatedAt} forward with {@code $max}, so applying the same event twice
 * changes nothing.
 */
final class CallUpdates {

    private CallUpdates() {}

    /**
     * Matches the call unless its stored status is further along than the snapshot's. Progress only
     * grows and terminal statuses are absorbing, so an older snapshot delivered again (a redelivery
     * after a rebalance, a replay of the topic) can never take a finished call back to "ringing".
     * {@code $nin} also matches a document without a status yet (only a recording or a cost so far).
     */
    static Document stateFilter(CallKey call, CallStateChanged state) {
        var filter = callFilter(call);
        List<String> ahead = Arrays.stream(CallStatus.values())
                .filter(status -> status.progress() > state.status().progress())
                .map(CallStatus::wireValue)
                .toList();
        if (!ahead.isEmpty()) {
            filter.append(STATUS, new Document("$nin", ahead));
        }
        return filter;
    }

    /** The call's document, whatever it holds so far. */
    static Document callFilter(CallKey call) {
        return new Document(ID, call.canonical());
    }

    static Document stateUpdate(CallKey call, CallStateChanged state, Instant eventTime) {
        List<Document> timeline =
                state.timeline().stream().map(CallUpdates::transition).toList();
        var set = identity(call)
                .append(
                        DIRECTION,
                        state.direction() == null ? null : state.direction().wireValue())
                .append(FROM, state.from())
                .append(TO, state.to())
                .append(STATUS, state.status().wireValue())
                .append(TIMELINE, timeline)
                .append(DURATION_SECONDS, state.durationSeconds())
                .append(STARTED_AT, startedAt(state))
                .append(ENDED_AT, endedAt(state));
        // The dialer's CallPlaced may reach us after a snapshot that lacks them: never unset them.
        putIfPresent(set, ASSISTANT_ID, state.assistantId());
        putIfPresent(set, REQUEST_ID, state.requestId());
        // Known once, then on every later snapshot: one redelivered from before it was known must not unset it.
        putIfPresent(set, ANSWERED_BY, state.answeredBy());
        return withUpdatedAt(new Document("$set", set), eventTime);
    }

    /**
     * What the dialer knows of an outbound call: the request it answers, the assistant and the request's
     * metadata. The orchestrator may not have the first two yet when a fast call's callbacks overtake the
     * placement; the metadata only the dialer has.
     */
    static Document placementUpdate(CallKey call, CallPlaced placed, Instant eventTime) {
        var set = identity(call).append(REQUEST_ID, placed.requestId());
        putIfPresent(set, ASSISTANT_ID, placed.assistantId());
        if (!placed.metadata().isEmpty()) {
            set.append(METADATA, metadata(placed.metadata()));
        }
        return withUpdatedAt(new Document("$set", set), eventTime);
    }

    private static List<Document> metadata(Map<String, String> metadata) {
        return metadata.entrySet().stream()
                .map(entry -> new Document(KEY, entry.getKey()).append(VALUE, entry.getValue()))
                .toList();
    }

    /** The parts of the call's key: its document is found by provider call id and account, and searched by account. */
    private static Document identity(CallKey call) {
        return new Document(PROVIDER, call.provider())
                .append(ACCOUNT_ID, call.accountId())
                .append(CALL_ID, call.providerCallId());
    }

    private static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    static Document recordingUpdate(CallKey call, RecordingReported recording, Instant eventTime) {
        var value = new Document(RECORDING_ID, recording.recordingId())
                .append(URL, recording.url())
                .append(DURATION_SECONDS, recording.durationSeconds())
                .append(STATUS, recording.status());
        return partUpdate(call, RECORDING, value, eventTime);
    }

    static Document costUpdate(CallKey call, CallCharged charge, Instant eventTime) {
        var value = new Document(AMOUNT, charge.amount())
                .append(CURRENCY, charge.currency())
                .append(BILLED_MINUTES, charge.billedMinutes())
                .append(PRICE_PER_MINUTE, charge.pricePerMinute());
        return partUpdate(call, COST, value, eventTime);
    }

    /** A part that may arrive before the call's state: the key's parts let account searches and lookups find it early. */
    private static Document partUpdate(CallKey call, String field, Document value, Instant eventTime) {
        return withUpdatedAt(new Document("$set", identity(call).append(field, value)), eventTime);
    }

    private static Document withUpdatedAt(Document update, Instant eventTime) {
        if (eventTime != null) {
            update.append("$max", new Document(UPDATED_AT, eventTime));
        }
        return update;
    }

    private static Document transition(CallTransition transition) {
        return new Document(
                        STATUS,
                        transition.status() == null ? null : transition.status().wireValue())
                .append(AT, transition.at())
                .append(SEQUENCE_NUMBER, transition.sequenceNumber());
    }

    private static Instant startedAt(CallStateChanged state) {
        return state.timeline().stream()
                .map(CallTransition::at)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(state.changedAt());
    }

    private static Instant endedAt(CallStateChanged state) {
        if (!state.status().isTerminal()) {
            return null;
        }
        return state.timeline().reversed().stream()
                .filter(step -> step.status() != null && step.status().isTerminal() && step.at() != null)
                .map(CallTransition::at)
                .findFirst()
                .orElse(state.changedAt());
    }
}
