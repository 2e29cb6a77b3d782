package io.switchboard.calllog.call.persistence;

import static io.switchboard.calllog.CallEvents.charge;
import static io.switchboard.calllog.CallEvents.placed;
import static io.switchboard.calllog.CallEvents.recording;
import static io.switchboard.calllog.CallEvents.snapshot;
import static io.switchboard.events.call.CallStatus.BUSY;
import static io.switchboard.events.call.CallStatus.COMPLETED;
import static io.switchboard.events.call.CallStatus.INITIATED;
import static io.switchboard.events.call.CallStatus.IN_PROGRESS;
import static io.switchboard.events.call.CallStatus.QUEUED;
import static io.switchboard.events.call.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.switchboard.calllog.CallEvents;
import io.switchboard.calllog.call.config.CallLogProperties;
import io.switchboard.calllog.call.domain.CallPage;
import io.switchboard.calllog.call.domain.CallQuery;
import io.switchboard.calllog.call.domain.CallRecord;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.call.CallStatus;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.testsupport.MongoWireServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The write and read rules of the call log, against a MongoDB-wire server without Kafka or Spring. */
class CallLogRepositoryTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static MongoWireServer server;
    private static MongoClient client;
    private static MongoCollection<Document> calls;
    private static CallLogRepository writes;
    private static CallQueryRepository reads;

    private final String accountId = CallEvents.newAccountId();

    @BeforeAll
    static void startMongo() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.connectionString());
        calls = client.getDatabase("calllog-tests").getCollection("calls");
        new CallLogIndexes(
                        calls,
                        new CallLogProperties(
                                "calls", TIMEOUT, TIMEOUT, "audit", Duration.ofDays(400), "call_requests"))
                .run(null);
        writes = new CallLogRepository(calls);
        reads = new CallQueryRepository(calls);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @Test
    void whenSnapshotsArriveThenOneDocumentHoldsTheLatest() {
        String callId = CallEvents.newCallId();

        apply(snapshot(callId, accountId, T0, QUEUED));
        apply(snapshot(callId, accountId, T0, QUEUED, RINGING, IN_PROGRESS, COMPLETED));

        CallRecord call = find(callId);
        assertThat(call.status()).isEqualTo("completed");
        assertThat(call.timeline())
                .extracting(CallRecord.Transition::status)
                .containsExactly("queued", "ringing", "in-progress", "completed");
        assertThat(call.startedAt()).isEqualTo(T0);
        assertThat(call.endedAt()).isEqualTo(T0.plus(CallEvents.STEP.multipliedBy(3)));
        assertThat(call.durationSeconds()).isEqualTo(42);
        assertThat(Mono.from(calls.countDocuments(new Document("_id", key(callId))))
                        .block(TIMEOUT))
                .isEqualTo(1L);
    }

    @Test
    void whenOlderSnapshotArrivesAfterTerminalThenStatusStays() {
        String callId = CallEvents.newCallId();
        apply(snapshot(callId, accountId, T0, QUEUED, RINGING, BUSY));

        boolean applied = apply(snapshot(callId, accountId, T0, QUEUED, RINGING));

        assertThat(applied).isFalse();
        assertThat(find(callId).status()).isEqualTo("busy");
        assertThat(find(callId).timeline()).hasSize(3);
    }

    @Test
    void whenOlderNonTerminalSnapshotArrivesThenStatusDoesNotGoBack() {
        String callId = CallEvents.newCallId();
        apply(snapshot(callId, accountId, T0, QUEUED, INITIATED, IN_PROGRESS));

        assertThat(apply(snapshot(callId, accountId, T0, QUEUED, INITIATED))).isFalse();
        assertThat(find(callId).status()).isEqualTo("in-progress");
    }

    @Test
    void whenSameEventsAppliedTwiceThenDocumentIsUnchanged() {
        String callId = CallEvents.newCallId();
        var state = snapshot(callId, accountId, T0, QUEUED, IN_PROGRESS, COMPLETED);
        apply(state);
        writes.applyRecording(callKey(callId), recording(callId, accountId, "completed"), T0.plusSeconds(60))
                .block(TIMEOUT);
        writes.applyCharge(callKey(callId), charge(callId, accountId), T0.plusSeconds(61))
                .block(TIMEOUT);
        Document before =
                Mono.from(calls.find(new Document("_id", key(callId))).first()).block(TIMEOUT);

        assertThat(apply(state)).isTrue();
        writes.applyRecording(callKey(callId), recording(callId, accountId, "completed"), T0.plusSeconds(60))
                .block(TIMEOUT);
        writes.applyCharge(callKey(callId), charge(callId, accountId), T0.plusSeconds(61))
                .block(TIMEOUT);

        assertThat(Mono.from(calls.find(new Document("_id", key(callId))).first())
                        .block(TIMEOUT))
                .isEqualTo(before);
        assertThat(find(callId).updatedAt()).isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void whenASnapshotSaysWhoAnsweredThenTheCallKeepsItAndAnOlderSnapshotWithoutItDoesNotUnsetIt() {
        String callId = CallEvents.newCallId();
        apply(snapshot(callId, accountId, T0, QUEUED, IN_PROGRESS));
        assertThat(find(callId).answeredBy()).isNull();

        // the orchestrator learnt who answered, then the call completed
        assertThat(apply(CallEvents.answered("machine_end_beep", callId, accountId, T0, QUEUED, IN_PROGRESS)))
                .isTrue();
        apply(CallEvents.answered("machine_end_beep", callId, accountId, T0, QUEUED, IN_PROGRESS, COMPLETED));
        // a snapshot from before it was known, redelivered
        apply(snapshot(callId, accountId, T0, QUEUED, IN_PROGRESS));

        CallRecord call = find(callId);
        assertThat(call.answeredBy()).isEqualTo("machine_end_beep");
        assertThat(call.status()).isEqualTo("completed");
        assertThat(reads.search(new CallQuery(
                                Optional.empty(), Optional.of(accountId), Optional.empty(), Optional.empty(), 0, 50))
                        .block(TIMEOUT)
                        .items())
                .filteredOn(item -> item.callId().equals(callId))
                .singleElement()
                .extracting(CallRecord::answeredBy)
                .isEqualTo("machine_end_beep");
    }

    @Test
    void whenRecordingAndChargeArriveBeforeStateThenStateJoinsThem() {
        String callId = CallEvents.newCallId();
        writes.applyRecording(callKey(callId), recording(callId, accountId, "completed"), T0)
                .block(TIMEOUT);
        writes.applyCharge(callKey(callId), charge(callId, accountId), T0).block(TIMEOUT);
        assertThat(search(query(accountId, null, 0, 10)).total())
                .as("not listed before its state")
                .isZero();

        apply(snapshot(callId, accountId, T0, QUEUED, COMPLETED));

        CallRecord call = find(callId);
        assertThat(call.status()).isEqualTo("completed");
        assertThat(call.accountId()).isEqualTo(accountId);
        assertThat(call.recording().url()).endsWith(callId.substring(2));
        assertThat(call.cost().amount()).isEqualByComparingTo("0.014");
        assertThat(call.cost().currency()).isEqualTo("USD");
        assertThat(search(query(accountId, null, 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void whenSearchingThenFiltersRangeAndPagesApplyNewestFirst() {
        String first = CallEvents.newCallId();
        String second = CallEvents.newCallId();
        String third = CallEvents.newCallId();
        apply(snapshot(first, accountId, T0, QUEUED, COMPLETED));
        apply(snapshot(second, accountId, T0.plusSeconds(3600), QUEUED, BUSY));
        apply(snapshot(third, accountId, T0.plusSeconds(7200), QUEUED, COMPLETED));

        assertThat(ids(search(query(accountId, null, 0, 2)))).containsExactly(third, second);
        assertThat(ids(search(query(accountId, null, 1, 2)))).containsExactly(first);
        assertThat(search(query(accountId, null, 1, 2)).total()).isEqualTo(3);
        assertThat(ids(search(query(accountId, COMPLETED, 0, 10)))).containsExactly(third, first);
        var window = new CallQuery(
                Optional.empty(),
                Optional.of(accountId),
                Optional.of(T0.plusSeconds(3600)),
                Optional.of(T0.plusSeconds(7200)),
                0,
                10);
        assertThat(ids(search(window))).containsExactly(second);
    }

    @Test
    void whenPlacementArrivesAfterTheFinalSnapshotThenTheCallKeepsItsRequestAndAssistant() {
        String callId = CallEvents.newCallId();
        apply(unplaced(snapshot(callId, accountId, T0, INITIATED, RINGING, BUSY)));

        place(placed(callId, accountId));
        apply(unplaced(snapshot(callId, accountId, T0, INITIATED, RINGING, BUSY)));

        CallRecord call = find(callId);
        assertThat(call.status()).isEqualTo("busy");
        assertThat(call.requestId()).isEqualTo("req-" + callId);
        assertThat(call.assistantId()).isEqualTo("sales");
    }

    @Test
    void whenPlacementArrivesFirstThenTheSnapshotCompletesTheSameDocument() {
        String callId = CallEvents.newCallId();

        place(placed(callId, accountId));
        apply(unplaced(snapshot(callId, accountId, T0, INITIATED)));

        CallRecord call = find(callId);
        assertThat(call.status()).isEqualTo("initiated");
        assertThat(call.requestId()).isEqualTo("req-" + callId);
        assertThat(Mono.from(calls.countDocuments(new Document("_id", key(callId))))
                        .block(TIMEOUT))
                .isEqualTo(1L);
    }

    @Test
    void whenCallPlacedIsAppliedThenTheRequestsMetadataIsStoredAndARedeliveryChangesNothing() {
        // given a ringing call, not yet placed as far as the log knows
        String callId = CallEvents.newCallId();
        apply(snapshot(callId, accountId, T0, QUEUED, RINGING));
        assertThat(find(callId).metadata()).as("no placement yet").isEmpty();

        // when its placement is applied, then delivered again
        place(placed(callId, accountId));
        Document afterFirst = stored(callId);
        place(placed(callId, accountId));

        // then the call has the request's metadata, and the redelivery left the document as it was
        assertThat(find(callId).metadata()).isEqualTo(CallEvents.METADATA);
        assertThat(stored(callId)).isEqualTo(afterFirst);
    }

    @Test
    void whenMetadataKeysAreNotUsableAsFieldNamesThenTheyAreStoredAndReadAsTheyAre() {
        String callId = CallEvents.newCallId();
        var metadata = new LinkedHashMap<String, String>();
        metadata.put("crm.customerRef", "CRM-187");
        metadata.put("$set", "not an operator");
        metadata.put("note", "");

        place(placed(callId, accountId, metadata));

        assertThat(find(callId).metadata()).containsExactlyEntriesOf(metadata);
    }

    @Test
    void whenAnotherAccountsEventsNameTheSameCallIdThenTheyMakeItsOwnDocumentAndThisOneIsUnchanged() {
        // given account A's completed call, recorded and charged
        String callId = CallEvents.newCallId();
        String other = CallEvents.newAccountId();
        apply(snapshot(callId, accountId, T0, QUEUED, IN_PROGRESS, COMPLETED));
        writes.applyRecording(callKey(callId), recording(callId, accountId, "completed"), T0.plusSeconds(60))
                .block(TIMEOUT);
        writes.applyCharge(callKey(callId), charge(callId, accountId), T0.plusSeconds(61))
                .block(TIMEOUT);
        Document before =
                Mono.from(calls.find(new Document("_id", key(callId))).first()).block(TIMEOUT);

        // when account B's snapshot, recording and charge name the same CallSid
        CallStateChanged ofB = snapshot(callId, other, T0.plusSeconds(5), QUEUED, COMPLETED);
        apply(ofB);
        var keyOfB = new CallKey("twilio", other, callId);
        writes.applyRecording(keyOfB, recording(callId, other, "completed"), T0.plusSeconds(90))
                .block(TIMEOUT);
        writes.applyCharge(keyOfB, charge(callId, other), T0.plusSeconds(91)).block(TIMEOUT);

        // then A's document is exactly as it was, and B's is a document of its own
        assertThat(Mono.from(calls.find(new Document("_id", key(callId))).first())
                        .block(TIMEOUT))
                .isEqualTo(before);
        assertThat(reads.findCall(other, callId).block(TIMEOUT))
                .extracting(CallRecord::accountId, CallRecord::callId)
                .containsExactly(other, callId);
        assertThat(find(callId).accountId()).isEqualTo(accountId);
        assertThat(Mono.from(calls.countDocuments(new Document("callId", callId)))
                        .block(TIMEOUT))
                .isEqualTo(2L);
    }

    @Test
    void whenOneAccountsCallIsLookedUpThenItIsFoundByProviderCallIdAndAccountOnly() {
        // given the test account's call
        String callId = CallEvents.newCallId();
        apply(snapshot(callId, accountId, T0, QUEUED, RINGING));

        // then it is found for its account, under its own call id, not for another account
        assertThat(find(callId)).extracting(CallRecord::callId).isEqualTo(callId);
        assertThat(reads.findCall("someone-else", callId).block(TIMEOUT)).isNull();
        Document stored =
                Mono.from(calls.find(new Document("_id", key(callId))).first()).block(TIMEOUT);
        assertThat(stored)
                .containsEntry("provider", "twilio")
                .containsEntry("accountId", accountId)
                .containsEntry("callId", callId);
    }

    /** A snapshot of a call whose callbacks overtook its placement: no request, no assistant yet. */
    private static CallStateChanged unplaced(CallStateChanged s) {
        return new CallStateChanged(
                s.callId(),
                s.accountId(),
                s.provider(),
                s.direction(),
                s.from(),
                s.to(),
                null,
                null,
                s.status(),
                s.previousStatus(),
                s.durationSeconds(),
                s.timeline(),
                s.changedAt());
    }

    private static void place(CallPlaced placed) {
        writes.applyPlacement(new CallKey(placed.provider(), placed.accountId(), placed.callId()), placed, T0)
                .block(TIMEOUT);
    }

    private Document stored(String callId) {
        return Mono.from(calls.find(new Document("_id", key(callId))).first()).block(TIMEOUT);
    }

    private static boolean apply(CallStateChanged state) {
        return Boolean.TRUE.equals(
                writes.applyState(CallKey.of(state), state, state.changedAt()).block(TIMEOUT));
    }

    /** The test account's call. */
    private CallRecord find(String callId) {
        return reads.findCall(accountId, callId).block(TIMEOUT);
    }

    private CallKey callKey(String callId) {
        return new CallKey("twilio", accountId, callId);
    }

    private String key(String callId) {
        return key(accountId, callId);
    }

    private static String key(String accountId, String callId) {
        return new CallKey("twilio", accountId, callId).canonical();
    }

    private static CallPage search(CallQuery query) {
        return reads.search(query).block(TIMEOUT);
    }

    private static CallQuery query(String accountId, CallStatus status, int page, int size) {
        return new CallQuery(
                Optional.ofNullable(status), Optional.of(accountId), Optional.empty(), Optional.empty(), page, size);
    }

    private static List<String> ids(CallPage page) {
        return page.items().stream().map(CallRecord::callId).toList();
    }
}
