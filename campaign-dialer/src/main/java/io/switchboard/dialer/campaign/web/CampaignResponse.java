package io.switchboard.dialer.campaign.web;

import java.time.Instant;
import java.util.List;

import io.switchboard.dialer.campaign.domain.CampaignProgress;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.request.CallingWindow;
import io.switchboard.events.request.RetryPolicy;

/** A campaign as the API shows it: its definition, its status and what became of its contacts. */
record CampaignResponse(
        String campaignId,
        String accountId,
        String name,
        String assistantId,
        List<String> callerIds,
        Instant startAt,
        Instant endAt,
        CallingWindow callingWindow,
        RetryPolicy retry,
        int maxConcurrentCalls,
        CampaignRecorded.AutoPause autoPause,
        String status,
        String statusReason,
        Instant createdAt,
        Instant updatedAt,
        CampaignProgress.Snapshot progress) {

    static CampaignResponse of(CampaignRecorded campaign, CampaignProgress.Snapshot progress) {
        return new CampaignResponse(
                campaign.campaignId(),
                campaign.accountId(),
                campaign.name(),
                campaign.assistantId(),
                campaign.callerIds(),
                campaign.startAt(),
                campaign.endAt(),
                campaign.callingWindow(),
                campaign.retry(),
                campaign.maxConcurrentCalls(),
                campaign.autoPause(),
                campaign.status().wireValue(),
                campaign.statusReason(),
                campaign.createdAt(),
                campaign.recordedAt(),
                progress);
    }
}
