package io.switchboard.dialer.pacing.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.pacing.domain.PacingQueue;
import io.switchboard.events.dialer.QueuedCallRecorded;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.envelope.RejectedEventException;
import io.switchboard.events.kafka.TopicReplayer;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Makes this instance the pacer of the provider accounts whose partitions of {@code dialer-queue.v1} it is
 * assigned. Taking a partition, it reads it whole first (the queue is its own state: what waits, what is being
 * dialed, which calls hold a slot); then it applies each new step as it comes. Giving one up, it stops
 * dialing for it and waits for its dials in flight ({@link Pacer#stop(Collection)}).
 */
@Component
class DialerQueueListener implements ConsumerSeekAware {

    static final String ID = "dialer-queue";

    private static final Logger log = LoggerFactory.getLogger(DialerQueueListener.class);

    private final PacingQueue queue;
    private final Pacer pacer;
    private final TopicReplayer replayer;
    private final EventEnvelopes envelopes;
    private final EventRefusals refusals;
    /** The last offset each partition's replay read: records up to it are already applied. */
    private final Map<Integer, Long> replayedThrough = new ConcurrentHashMap<>();

    DialerQueueListener(
            PacingQueue queue, Pacer pacer, TopicReplayer replayer, EventEnvelopes envelopes, EventRefusals refusals) {
        this.queue = queue;
        this.pacer = pacer;
        this.replayer = replayer;
        this.envelopes = envelopes;
        this.refusals = refusals;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        List<Integer> partitions = partitionsOf(assignments.keySet());
        if (partitions.isEmpty()) {
            return;
        }
        Map<Integer, List<QueuedCallRecorded>> read = new HashMap<>();
        partitions.forEach(partition -> read.put(partition, new ArrayList<>()));
        replayer.replayRecords(Topic.DIALER_QUEUE, partitions, (record, event) -> {
            replayedThrough.merge(record.partition(), record.offset(), Math::max);
            if (event.is(EventTypes.QUEUED_CALL_RECORDED)) {
                QueuedCallRecorded step =
                        event.as(EventTypes.QUEUED_CALL_RECORDED).payload();
                boolean queuesSomething = step.step() != QueuedCallRecorded.Step.QUEUED || step.request() != null;
                if (queuesSomething
                        && step.providerAccount() != null
                        && step.providerAccount().equals(record.key())) {
                    read.get(record.partition()).add(step);
                }
            }
        });
        read.forEach(queue::load);
        log.info("Pacing the provider accounts of dialer-queue partitions {}: {}", partitions, queue.progress());
        pacer.wake();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        List<Integer> revoked = partitionsOf(partitions);
        if (!revoked.isEmpty()) {
            pacer.stop(revoked);
            revoked.forEach(replayedThrough::remove);
            log.info("No longer pacing the provider accounts of dialer-queue partitions {}", revoked);
        }
    }

    @KafkaListener(id = ID, groupId = "campaign-dialer-queue", topics = Topic.Names.DIALER_QUEUE)
    void onRecord(ConsumerRecord<String, CloudEvent> record) {
        if (refusals.refuseTombstone(record)) {
            return;
        }
        if (record.offset() <= replayedThrough.getOrDefault(record.partition(), -1L)) {
            return;
        }
        ReceivedEvent<Object> event = envelopes.unwrap(record.value());
        if (!event.is(EventTypes.QUEUED_CALL_RECORDED)) {
            throw new RejectedEventException("event " + event.id() + " is " + event.type()
                    + "; dialer-queue.v1 carries only " + EventTypes.QUEUED_CALL_RECORDED.token());
        }
        QueuedCallRecorded step = event.as(EventTypes.QUEUED_CALL_RECORDED).payload();
        if (step.providerAccount() == null || !step.providerAccount().equals(record.key())) {
            throw new RejectedEventException("event " + event.id() + " is not filed under its provider account");
        }
        if (step.step() == QueuedCallRecorded.Step.QUEUED && step.request() == null) {
            throw new RejectedEventException("event " + event.id() + " queues no request");
        }
        queue.apply(record.partition(), step);
        pacer.wake();
    }

    private static List<Integer> partitionsOf(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .filter(partition -> partition.topic().equals(Topic.DIALER_QUEUE.topicName()))
                .map(TopicPartition::partition)
                .toList();
    }
}
