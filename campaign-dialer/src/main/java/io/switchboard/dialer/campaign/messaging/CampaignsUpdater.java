package io.switchboard.dialer.campaign.messaging;

import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.campaign.domain.Campaigns;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.envelope.ReceivedEvent;
import io.switchboard.events.kafka.FollowedRecords;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import io.switchboard.events.refusal.Refusal;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one dialer-campaigns.v1 record to the campaigns. Only the dialer's own signed record, filed under its
 * {@code accountId/campaignId}, counts: an unverifiable record is skipped and counted, an older record re-produced
 * later is refused and counted.
 */
final class CampaignsUpdater {

    private final FollowedRecords records;
    private final Campaigns campaigns;
    private final EventRefusals refusals;

    CampaignsUpdater(EventEnvelopes envelopes, Campaigns campaigns, SkippedRecords skipped, EventRefusals refusals) {
        this.records = new FollowedRecords(envelopes, skipped, refusals);
        this.campaigns = campaigns;
        this.refusals = refusals;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        Optional<ReceivedEvent<Object>> verified = records.verified(record);
        if (verified.isEmpty()) {
            return;
        }
        ReceivedEvent<Object> event = verified.get();
        if (!event.is(EventTypes.CAMPAIGN_RECORDED)) {
            return;
        }
        CampaignRecorded campaign = event.as(EventTypes.CAMPAIGN_RECORDED).payload();
        if (campaign.accountId() == null
                || campaign.campaignId() == null
                || campaign.recordedAt() == null
                || campaign.status() == null
                || !campaign.key().equals(record.key())) {
            records.skip(
                    record,
                    "a campaign without an account, an id, a status or a time, or not filed under "
                            + "its accountId/campaignId");
            return;
        }
        if (!campaigns.apply(campaign)) {
            refusals.refuse(
                    record,
                    event.id(),
                    new Refusal(
                            Refusal.STALE_SNAPSHOT,
                            "the record of " + campaign.recordedAt() + " is older than the one read before it"));
        }
    }
}
