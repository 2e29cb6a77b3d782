package io.switchboard.dialer.donotcall.messaging;

import io.switchboard.events.dialer.DoNotCallChanged;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import org.springframework.stereotype.Component;

/** Records a change of a do-not-call list, committed when this returns (it throws otherwise). */
@Component
public class DoNotCallPublisher {

    private final EventPublisher events;

    DoNotCallPublisher(EventPublisher events) {
        this.events = events;
    }

    public void publish(DoNotCallChanged change) {
        String key = DoNotCallChanged.key(change.accountId(), change.number());
        String id = EventIds.of(
                "do-not-call-changed",
                key,
                String.valueOf(change.listed()),
                change.changedAt().toString());
        events.inOwnTransaction(() -> events.publishAndWait(
                Topic.DO_NOT_CALL,
                key,
                OutgoingEvent.of(EventTypes.DO_NOT_CALL_CHANGED, id, key, change.changedAt(), change)));
    }
}
