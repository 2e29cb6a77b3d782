package io.switchboard.dialer.campaign.messaging;

import io.cloudevents.CloudEvent;
import io.switchboard.dialer.campaign.domain.Campaigns;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.envelope.EventEnvelopes;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.FollowedSnapshots;
import io.switchboard.events.kafka.SkippedRecords;
import io.switchboard.events.refusal.EventRefusals;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one dialer-campaigns.v1 record to the campaigns. Only the dialer's own signed record, filed under its
 * {@code accountId/campaignId}, counts: an unverifiable record is skipped and counted, an older record re-produced
 * later is refused and counted.
 */
final class CampaignsUpdater {

    private final FollowedSnapshots<CampaignRecorded> snapshots;
    private final Campaigns campaigns;

    CampaignsUpdater(EventEnvelopes envelopes, Campaigns campaigns, SkippedRecords skipped, EventRefusals refusals) {
        this.snapshots = new FollowedSnapshots<>(envelopes, skipped, refusals, EventTypes.CAMPAIGN_RECORDED);
        this.campaigns = campaigns;
    }

    void apply(ConsumerRecord<String, CloudEvent> record) {
        snapshots.apply(
                record,
                campaign -> campaign.accountId() != null
                        && campaign.campaignId() != null
                        && campaign.recordedAt() != null
                        && campaign.status() != null
                        && campaign.key().equals(record.key()),
                "a campaign without an account, an id, a status or a time, or not filed under its accountId/campaignId",
                campaigns::apply,
                campaign -> "the record of " + campaign.recordedAt() + " is older than the one read before it");
    }
}
