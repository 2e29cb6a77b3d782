package io.switchboard.dialer.placement.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.campaign.messaging.CampaignAutoPause;
import io.switchboard.dialer.placement.domain.Admission;
import io.switchboard.dialer.placement.domain.CallPlacement;
import io.switchboard.dialer.placement.domain.Cancellations;
import io.switchboard.dialer.placement.domain.Cancellations.Cancellation;
import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.dialer.placement.domain.MachinePolicy;
import io.switchboard.dialer.schedule.domain.ScheduledRequests;
import io.switchboard.events.dialer.CallPlaced;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestDue;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CallRequestRejected;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.provider.AnsweringMachineDetected;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import io.switchboard.events.transaction.TransactionEffects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Admits each account's requests at the instance that owns the account's partition of
 * {@code dialer-requests.v1}. Taking a partition, it first reads that partition's intents whole; each
 * request is then admitted at most once ({@link CallPlacement}): its intent and its place in its provider
 * account's queue ({@code dialer-queue.v1}), or its rejection, are published in the container's Kafka
 * transaction with the offset commit. The queue's owner answers on the same topic with the request's
 * CallPlaced or CallRequestRejected, and the intent follows. A request due later is recorded scheduled and fired
 * when its due signal comes back on this partition ({@link ScheduledRequests}); a caller's cancellation is
 * applied here too ({@link Cancellations}).
 *
 * <p>The same consumers read {@code ledger.v1}, keyed by account like the requests and with as many
 * partitions, with the range assignor: partition {@code p} of both topics goes to the same instance, so
 * the owner of an account's requests also reads billing's settlements of its calls, and ends their holds
 * on the wallet ({@link CallPlacement#end}) in the same way, with the offset commit.
 */
@Component
class DialerRequestListener implements ConsumerSeekAware {

    static final String ID = "dialer-requests";

    private static final Logger log = LoggerFactory.getLogger(DialerRequestListener.class);

    private final CallPlacement placement;
    private final ScheduledRequests scheduled;
    private final Cancellations cancellations;
    private final DialIntents intents;
    private final TopicReplayer replayer;
    private final EventEnvelopes envelopes;
    private final EventRefusals refusals;
    private final DialerEventPublisher publisher;
    private final RequestOutcomes outcomes;
    private final TransactionEffects transaction;
    private final CampaignAutoPause autoPause;
    private final Clock clock;

    DialerRequestListener(
            CallPlacement placement,
            ScheduledRequests scheduled,
            Cancellations cancellations,
            DialIntents intents,
            TopicReplayer replayer,
            EventEnvelopes envelopes,
            EventRefusals refusals,
            DialerEventPublisher publisher,
            RequestOutcomes outcomes,
            TransactionEffects transaction,
            CampaignAutoPause autoPause,
            Clock clock) {
        this.placement = placement;
        this.scheduled = scheduled;
        this.cancellations = cancellations;
        this.intents = intents;
        this.replayer = replayer;
        this.envelopes = envelopes;
        this.refusals = refusals;
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.transaction = transaction;
        this.autoPause = autoPause;
        this.clock = clock;
    }

    /** Before the first record of a partition is delivered: its intents, from the first to the last committed. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        List<Integer> partitions = assignments.keySet().stream()
                .filter(assigned -> assigned.topic().equals(Topic.DIALER_REQUESTS.topicName()))
                .map(TopicPartition::partition)
                .toList();
        if (partitions.isEmpty()) {
            return;
        }
        Map<Integer, List<DialIntentRecorded>> read = new HashMap<>();
        partitions.forEach(partition -> read.put(partition, new ArrayList<>()));
        replayer.replayRecords(Topic.DIALER_INTENTS, partitions, (record, event) -> {
            if (event.is(EventTypes.DIAL_INTENT_RECORDED)) {
                read.get(record.partition())
                        .add(event.as(EventTypes.DIAL_INTENT_RECORDED).payload());
            }
        });
        read.forEach(intents::load);
        log.info(
                "Admitting the accounts of dialer-requests partitions {}: {} intents read",
                partitions,
                read.values().stream().mapToInt(List::size).sum());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        intents.forget(partitions.stream()
                .filter(revoked -> revoked.topic().equals(Topic.DIALER_REQUESTS.topicName()))
                .map(TopicPartition::partition)
                .toList());
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = {Topic.Names.DIALER_REQUESTS, Topic.Names.LEDGER},
            properties = "partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor")
    void onRecord(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (record.topic().equals(Topic.LEDGER.topicName())) {
            onSettlement(record, event);
            return;
        }
        if (event.is(EventTypes.CALL_PLACED)) {
            onPlaced(record, event.as(EventTypes.CALL_PLACED).payload());
            return;
        }
        if (event.is(EventTypes.CALL_REQUEST_REJECTED)) {
            onRejectedByQueue(record, event.as(EventTypes.CALL_REQUEST_REJECTED).payload());
            return;
        }
        if (event.is(EventTypes.CALL_REQUEST_DUE)) {
            onDue(record, event.as(EventTypes.CALL_REQUEST_DUE).payload());
            return;
        }
        if (event.is(EventTypes.CALL_REQUEST_CANCELLED)) {
            onCancelled(record, event.as(EventTypes.CALL_REQUEST_CANCELLED).payload());
            return;
        }
        if (event.is(EventTypes.ANSWERING_MACHINE_DETECTED)) {
            onMachineDetected(
                    record, event.as(EventTypes.ANSWERING_MACHINE_DETECTED).payload());
            return;
        }
        if (!event.is(EventTypes.CALL_REQUEST_RECEIVED)) {
            throw new RejectedEventException("event " + event.id() + " is " + event.type()
                    + "; dialer-requests.v1 carries only " + EventTypes.CALL_REQUEST_RECEIVED.token() + ", "
                    + EventTypes.CALL_REQUEST_DUE.token() + ", " + EventTypes.CALL_REQUEST_CANCELLED.token() + ", "
                    + EventTypes.CALL_PLACED.token() + ", " + EventTypes.CALL_REQUEST_REJECTED.token() + " and "
                    + EventTypes.ANSWERING_MACHINE_DETECTED.token());
        }
        CallRequestReceived received =
                event.as(EventTypes.CALL_REQUEST_RECEIVED).payload();
        var request = received.request();
        if (request == null
                || request.accountId() == null
                || !request.accountId().equals(record.key())) {
            throw new RejectedEventException("event " + event.id() + " is not filed under its account");
        }
        int partition = record.partition();
        try (var accountId = MDC.putCloseable("accountId", request.accountId());
                var requestId = MDC.putCloseable("requestId", request.requestId())) {
            apply(record, scheduled.admit(partition, received), request.accountId());
        }
    }

    /** Publishes what became of a request, in this record's transaction; its intent is known here once committed. */
    private void apply(ConsumerRecord<String, CloudEvent> record, Admission admission, String accountId) {
        int partition = record.partition();
        String requestId = admission.requestId();
        switch (admission) {
            case Admission.Queued queued -> {
                publisher.queued(partition, queued.intent(), queued.queued());
                transaction.afterCommit(() -> intents.record(partition, queued.intent()));
                outcomes.queued();
                log.info(
                        "Queued request {} for provider account {}",
                        requestId,
                        queued.queued().providerAccount());
            }
            case Admission.Scheduled due -> {
                publisher.scheduled(partition, due.intent());
                transaction.afterCommit(() -> intents.record(partition, due.intent()));
                outcomes.scheduled();
                log.info("Scheduled request {} for {}", requestId, due.intent().dueAt());
            }
            case Admission.Rejected rejected -> {
                publisher.rejected(
                        RequestOrigin.of(record),
                        new CallRequestRejected(
                                requestId, accountId, rejected.reason(), rejected.field(), clock.instant()));
                publisher.settle(partition, rejected.settled());
                transaction.afterCommit(() -> intents.record(partition, rejected.settled()));
                outcomes.rejected();
                log.info("Rejected request {}: {}", requestId, rejected.reason());
            }
            case Admission.Duplicate duplicate -> {
                outcomes.duplicate();
                log.info("Request {} already settled; not dialing again", duplicate.requestId());
            }
        }
    }

    /**
     * A scheduled request of this partition is due (or its record is to be written again): it is fired at most
     * once, whatever signal comes twice.
     */
    private void onDue(ConsumerRecord<String, CloudEvent> record, CallRequestDue due) {
        requireFiledUnderAccount(record, due.accountId(), due.requestId());
        int partition = record.partition();
        try (var accountId = MDC.putCloseable("accountId", due.accountId());
                var requestId = MDC.putCloseable("requestId", due.requestId())) {
            scheduled.fire(partition, due).ifPresent(firing -> {
                if (firing.admitted() != null) {
                    apply(record, firing.admitted(), due.accountId());
                }
                if (firing.series() != null) {
                    DialIntentRecorded series = firing.series();
                    if (firing.admitted() != null && series.state() == DialIntentRecorded.State.SCHEDULED) {
                        publisher.scheduled(partition, series);
                    } else {
                        publisher.settle(partition, series);
                    }
                    transaction.afterCommit(() -> intents.record(partition, series));
                }
            });
        }
    }

    /** A caller cancelled a request of this partition: what it can still change, in this record's transaction. */
    private void onCancelled(ConsumerRecord<String, CloudEvent> record, CallRequestCancelled cancelled) {
        requireFiledUnderAccount(record, cancelled.accountId(), cancelled.requestId());
        int partition = record.partition();
        switch (cancellations.cancel(partition, cancelled)) {
            case Cancellation.Cancelled done -> {
                if (done.received()) {
                    // Its publisher hears it as a rejection naming who cancelled it, as a queued one's would be.
                    publisher.rejected(
                            RequestOrigin.of(record),
                            new CallRequestRejected(
                                    cancelled.requestId(),
                                    cancelled.accountId(),
                                    done.intent().reason(),
                                    null,
                                    done.intent().recordedAt()));
                    outcomes.rejected();
                }
                publisher.settle(partition, done.intent());
                transaction.afterCommit(() -> intents.record(partition, done.intent()));
                log.info(
                        "Cancelled request {}: {}",
                        cancelled.requestId(),
                        done.intent().reason());
            }
            case Cancellation.Unqueued unqueued -> {
                publisher.queueStep(unqueued.step());
                log.info(
                        "Asked provider account {} to take request {} out of its queue",
                        unqueued.step().providerAccount(),
                        cancelled.requestId());
            }
            case Cancellation.Unchanged unchanged ->
                log.info("Request {} is {}: a cancellation changes nothing", cancelled.requestId(), unchanged.state());
        }
    }

    /** The queue's owner placed a request of this partition: its intent is placed, in this record's transaction. */
    private void onPlaced(ConsumerRecord<String, CloudEvent> record, CallPlaced placed) {
        requireFiledUnderAccount(record, placed.accountId(), placed.requestId());
        int partition = record.partition();
        placement.placed(partition, placed).ifPresent(placedIntent -> {
            publisher.settle(partition, placedIntent);
            transaction.afterCommit(() -> intents.record(partition, placedIntent));
            outcomes.placed();
        });
    }

    /** The queue's owner will not dial a request of this partition: its intent is rejected and its hold ends. */
    private void onRejectedByQueue(ConsumerRecord<String, CloudEvent> record, CallRequestRejected rejected) {
        requireFiledUnderAccount(record, rejected.accountId(), rejected.requestId());
        int partition = record.partition();
        placement.rejected(partition, rejected).ifPresent(rejectedIntent -> {
            publisher.settle(partition, rejectedIntent);
            transaction.afterCommit(() -> intents.record(partition, rejectedIntent));
            outcomes.rejected();
        });
    }

    private static void requireFiledUnderAccount(
            ConsumerRecord<String, CloudEvent> record, String accountId, String requestId) {
        if (requestId == null || !String.valueOf(accountId).equals(record.key())) {
            throw new RejectedEventException(
                    "an outcome on dialer-requests.v1 must name a request and be filed " + "under its account");
        }
    }

    /**
     * Who answered a call placed for one of this partition's requests, passed on by
     * {@link MachineDetectionForwarder}: the request's machine policy is applied at the provider.
     */
    private void onMachineDetected(ConsumerRecord<String, CloudEvent> record, AnsweringMachineDetected detected) {
        if (detected.requestId() == null
                || !String.valueOf(detected.accountId()).equals(record.key())) {
            throw new RejectedEventException("a machine detection result on dialer-requests.v1 must name a request "
                    + "and be filed under its account");
        }
        try (var accountId = MDC.putCloseable("accountId", detected.accountId());
                var requestId = MDC.putCloseable("requestId", detected.requestId())) {
            MachinePolicy done = placement.machineDetected(
                    record.partition(),
                    detected.accountId(),
                    detected.requestId(),
                    detected.callId(),
                    detected.answeredBy());
            outcomes.machineDetected(done);
            if (done != MachinePolicy.NONE) {
                placement
                        .answeredByMachine(
                                record.partition(), detected.accountId(), detected.requestId(), detected.callId())
                        .ifPresent(marked -> {
                            publisher.settle(record.partition(), marked);
                            transaction.afterCommit(() -> intents.record(record.partition(), marked));
                        });
            }
            log.info(
                    "Call {} of request {} was answered by {}: {}",
                    detected.callId(),
                    detected.requestId(),
                    detected.answeredBy(),
                    done.tag());
        }
    }

    /**
     * Billing charged a call placed from a request, or ended it at no cost: the request's intent ends, and the
     * call's slot at its provider account's owner is freed, in this record's transaction. Entries of inbound calls, top-ups, and settlements of calls this partition holds
     * nothing for change nothing.
     */
    private void onSettlement(ConsumerRecord<String, CloudEvent> record, ReceivedEvent<Object> event) {
        Settlement settlement;
        if (event.is(EventTypes.CALL_CHARGED)) {
            var charged = event.as(EventTypes.CALL_CHARGED).payload();
            long walletVersion = charged.walletVersion() == null ? 0 : charged.walletVersion();
            settlement = new Settlement(
                    charged.accountId(), charged.requestId(), charged.callId(), walletVersion, "completed");
        } else if (event.is(EventTypes.CALL_NOT_CHARGED)) {
            var notCharged = event.as(EventTypes.CALL_NOT_CHARGED).payload();
            settlement = new Settlement(
                    notCharged.accountId(), notCharged.requestId(), notCharged.callId(), 0, notCharged.status());
        } else {
            return;
        }
        if (settlement.requestId() == null
                || settlement.callId() == null
                || !String.valueOf(settlement.accountId()).equals(record.key())) {
            return;
        }
        int partition = record.partition();
        if (!intents.owns(partition)) {
            // Retried, not skipped: a settlement dropped here would leave its hold counted until its lease ends.
            throw new IllegalStateException("ledger.v1 partition " + partition + " is read here but dialer-requests.v1 "
                    + "partition " + partition + " is not: both topics must have as many partitions");
        }
        placement
                .end(
                        partition,
                        settlement.accountId(),
                        settlement.requestId(),
                        settlement.callId(),
                        settlement.walletVersion(),
                        settlement.finalStatus())
                .ifPresent(ended -> {
                    publisher.settle(partition, ended);
                    if (ended.providerAccount() != null) {
                        publisher.queueStep(QueuedCallRecorded.ended(
                                ended.requestId(),
                                ended.accountId(),
                                ended.providerAccount(),
                                ended.callId(),
                                ended.recordedAt()));
                    }
                    autoPause.afterEnd(partition, ended);
                    transaction.afterCommit(() -> intents.record(partition, ended));
                    scheduled
                            .retryAfter(partition, ended, ended.reason())
                            .ifPresent(retry -> apply(record, retry, settlement.accountId()));
                    log.info(
                            "Call {} of request {} settled by billing; its hold ends with wallet version {}",
                            ended.callId(),
                            ended.requestId(),
                            ended.walletVersion());
                });
    }

    private record Settlement(
            String accountId, String requestId, String callId, long walletVersion, String finalStatus) {}
}
