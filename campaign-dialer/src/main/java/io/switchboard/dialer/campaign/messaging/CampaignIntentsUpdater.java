package io.switchboard.dialer.campaign.messaging;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.campaign.domain.CampaignProgress;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.FollowedRecords;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Applies one dialer-intents.v1 record to the campaigns' progress: only the dialer's own signed intents count. */
final class CampaignIntentsUpdater {

    private final FollowedRecords records;
    private final CampaignProgress progress;

    CampaignIntentsUpdater(
            EventEnvelopes envelopes, CampaignProgress progress, SkippedRecords skipped, EventRefusals refusals) {
        this.records = new FollowedRecords(envelopes, skipped, refusals);
        this.progress = progress;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        Optional<ReceivedEvent<Object>> verified = records.verified(record);
        if (verified.isEmpty() || !verified.get().is(EventTypes.DIAL_INTENT_RECORDED)) {
            return;
        }
        DialIntentRecorded intent =
                verified.get().as(EventTypes.DIAL_INTENT_RECORDED).payload();
        if (intent.accountId() == null
                || intent.requestId() == null
                || !intent.key().equals(record.key())) {
            records.skip(
                    record, "an intent without an account or a request id, or not filed under accountId/requestId");
            return;
        }
        progress.apply(intent);
    }
}
