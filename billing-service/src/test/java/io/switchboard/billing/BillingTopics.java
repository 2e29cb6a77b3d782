package io.switchboard.billing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.switchboard.events.audit.AuditRecorded;
import io.switchboard.events.billing.CallCharged;
import io.switchboard.events.billing.WalletToppedUp;
import io.switchboard.events.billing.WalletUpdated;
import io.switchboard.events.call.CallKey;
import io.switchboard.events.call.CallStateChanged;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventType;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.topic.Topic;
import io.switchboard.testsupport.ConsumedEvent;
import io.switchboard.testsupport.DeadLetterTopics;
import io.switchboard.testsupport.KafkaRecords;
import io.switchboard.testsupport.SignedEvents;
import io.switchboard.testsupport.TestEnvelopes;
import io.switchboard.testsupport.TopicContents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Billing's topics as a test sees them: completed calls published as the orchestrator would, and per
 * account what billing wrote (charges, top-ups, wallet states) and which call states it dead-lettered.
 * Signing and reading are {@link SignedEvents} and {@link TopicContents}; this adds billing's meaning.
 */
final class BillingTopics implements AutoCloseable {

    static final String BILLING_GROUP = "billing-service";

    private static final EventEnvelopes VERIFYING = TestEnvelopes.trusted();

    private final String bootstrapServers;
    private final SignedEvents events;
    private final Admin admin;

    BillingTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.events = new SignedEvents(bootstrapServers, "/test/call-orchestrator");
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Any other record a test sends: raw bytes, other event types, untrusted signatures. */
    SignedEvents events() {
        return events;
    }

    /** The call's key on call-states.v1, and the subject of its snapshots: provider, account and call id. */
    static String keyOf(CallStateChanged call) {
        return CallKey.of(call).canonical();
    }

    /** Signed as the orchestrator signs a snapshot: subject is the call key. */
    CloudEvent signed(CallStateChanged call) {
        return signed(call, keyOf(call));
    }

    CloudEvent signed(CallStateChanged call, String subject) {
        return events.sign(
                EventTypes.CALL_STATE_CHANGED,
                EventIds.of(
                        "test-call-state",
                        subject,
                        String.valueOf(call.status()),
                        call.changedAt().toString()),
                subject,
                call.changedAt(),
                call);
    }

    /** As the orchestrator publishes it: keyed by the call key. */
    RecordMetadata publish(CallStateChanged call) {
        return events.send(Topic.CALL_STATES, keyOf(call), signed(call));
    }

    /** Waits until billing's consumer group has committed past the record, i.e. it has been handled. */
    void awaitHandled(RecordMetadata sent) {
        var partition = new TopicPartition(sent.topic(), sent.partition());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(BILLING_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }

    /** The account's committed charges, as any read_committed reader sees them. */
    List<CallCharged> charges(String accountId) {
        return payloads(Topic.LEDGER, accountId, EventTypes.CALL_CHARGED, IsolationLevel.READ_COMMITTED).stream()
                .filter(c -> c.accountId().equals(accountId))
                .toList();
    }

    /** Every charge written for the account, those of aborted transactions included. */
    List<CallCharged> chargesWritten(String accountId) {
        return payloads(Topic.LEDGER, accountId, EventTypes.CALL_CHARGED, IsolationLevel.READ_UNCOMMITTED).stream()
                .filter(c -> c.accountId().equals(accountId))
                .toList();
    }

    List<WalletToppedUp> topUps(String accountId) {
        return payloads(Topic.LEDGER, accountId, EventTypes.WALLET_TOPPED_UP, IsolationLevel.READ_COMMITTED).stream()
                .filter(t -> t.accountId().equals(accountId))
                .toList();
    }

    /** The account's audit entries, in the order written (audit.v1 is keyed by account). */
    List<AuditRecorded> audits(String accountId) {
        return payloads(Topic.AUDIT, accountId, EventTypes.AUDIT_RECORDED, IsolationLevel.READ_COMMITTED);
    }

    /** In the order written: wallets.v1 is keyed by account, so one account's states share a partition. */
    List<WalletUpdated> walletUpdates(String accountId) {
        return payloads(Topic.WALLETS, accountId, EventTypes.WALLET_UPDATED, IsolationLevel.READ_COMMITTED).stream()
                .filter(w -> w.accountId().equals(accountId))
                .toList();
    }

    /** The account's wallet state of {@code version} exactly as billing signed it, to produce it again. */
    CloudEvent signedWalletState(String accountId, long version) {
        return TopicContents.records(bootstrapServers, Topic.WALLETS.topicName(), IsolationLevel.READ_COMMITTED)
                .stream()
                .filter(record -> accountId.equals(record.key()))
                .filter(record -> KafkaRecords.verified(record, VERIFYING)
                        .filter(event -> event.is(EventTypes.WALLET_UPDATED))
                        .map(event ->
                                event.as(EventTypes.WALLET_UPDATED).payload().versionOrZero() == version)
                        .orElse(false))
                .map(KafkaRecords::cloudEvent)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no state of version " + version + " of wallet " + accountId));
    }

    /** The call states billing dead-lettered under this key. */
    List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return new DeadLetterTopics(bootstrapServers).withKeys(List.of(Topic.CALL_STATES), Set.of(key));
    }

    /** Only the account's records are decoded: another test's deliberately bad records are under other keys. */
    private <T> List<T> payloads(Topic topic, String accountId, EventType<T> type, IsolationLevel isolation) {
        return TopicContents.records(bootstrapServers, topic.topicName(), isolation).stream()
                .filter(record -> accountId.equals(record.key()))
                .map(record -> KafkaRecords.verified(record, VERIFYING))
                .flatMap(Optional::stream)
                .filter(event -> event.is(type))
                .map(event -> event.as(type))
                .map(ConsumedEvent::payload)
                .toList();
    }

    @Override
    public void close() {
        events.close();
        admin.close();
    }
}
