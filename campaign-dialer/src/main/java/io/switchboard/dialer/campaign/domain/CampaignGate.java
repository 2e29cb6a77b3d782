package io.switchboard.dialer.campaign.domain;

import java.time.Instant;
import java.util.Optional;

import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import org.springframework.stereotype.Service;

/**
 * Whether the owner of an account may let one of a campaign's requests go to the pacing queue now: while the
 * campaign is active and fewer of its requests than its {@code maxConcurrentCalls} are queued, being dialed or in a
 * call. A request that may not go yet stays scheduled, holding nothing (not even a place in the queue); one of a
 * cancelled campaign is cancelled. A request that names no campaign of its account goes as any request does.
 */
@Service
public class CampaignGate {

    private final Campaigns campaigns;
    private final DialIntents intents;

    public CampaignGate(Campaigns campaigns, DialIntents intents) {
        this.campaigns = campaigns;
        this.intents = intents;
    }

    /**
     * What the owner may do with {@code requestId} now, with {@code alsoGoing} more of its campaign's requests on
     * their way to the queue (signalled, not yet applied).
     */
    public Verdict verdict(int partition, String accountId, String requestId, int alsoGoing, Instant now) {
        Optional<CampaignRecorded> found = campaigns.known(accountId, CampaignRecorded.campaignOf(requestId));
        if (found.isEmpty()) {
            return Verdict.GO;
        }
        CampaignRecorded campaign = found.get();
        if (campaign.status() == Status.CANCELLED) {
            return new Verdict(Decision.CANCEL, "campaign " + campaign.campaignId() + " was " + reason(campaign));
        }
        if (campaign.status() == Status.PAUSED) {
            return new Verdict(Decision.HOLD, "campaign " + campaign.campaignId() + " is " + reason(campaign));
        }
        int busy = intents.inProgress(partition, accountId, campaign.campaignId(), now) + alsoGoing;
        if (busy >= campaign.maxConcurrentCalls()) {
            return new Verdict(
                    Decision.HOLD,
                    "campaign " + campaign.campaignId() + " has its " + campaign.maxConcurrentCalls()
                            + " concurrent calls");
        }
        return Verdict.GO;
    }

    /** The campaign a request belongs to, when its account has one of that id. */
    public Optional<CampaignRecorded> campaignOf(String accountId, String requestId) {
        return campaigns.known(accountId, CampaignRecorded.campaignOf(requestId));
    }

    private static String reason(CampaignRecorded campaign) {
        return campaign.statusReason() == null ? campaign.status().wireValue() : campaign.statusReason();
    }

    public enum Decision {
        GO,
        HOLD,
        CANCEL
    }

    /** @param reason why it is held or cancelled; null to go */
    public record Verdict(Decision decision, String reason) {
        static final Verdict GO = new Verdict(Decision.GO, null);
    }
}
