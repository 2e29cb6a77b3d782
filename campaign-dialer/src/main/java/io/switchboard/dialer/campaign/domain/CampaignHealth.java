package io.switchboard.dialer.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.AutoPause;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.dialer.DialIntentRecorded;
import org.springframework.stereotype.Service;

/**
 * Pauses a campaign on its own when too many of its calls fail ({@link AutoPause}), at its account's owner, which
 * sees every call of the campaign end: judged on the calls that ended within the campaign's window and since it was
 * last resumed, so that a campaign resumed after a pause starts afresh.
 */
@Service
public class CampaignHealth {

    private final Campaigns campaigns;
    private final DialIntents intents;

    public CampaignHealth(Campaigns campaigns, DialIntents intents) {
        this.campaigns = campaigns;
        this.intents = intents;
    }

    /**
     * The campaign of {@code ended} (a call that just ended, not yet among the owner's intents) paused, when with it
     * too many of the campaign's calls failed; empty otherwise.
     */
    public Optional<CampaignRecorded> afterEnd(int partition, DialIntentRecorded ended, Instant now) {
        Optional<CampaignRecorded> found = campaigns.ofRequest(ended.accountId(), ended.requestId());
        if (found.isEmpty()
                || found.get().status() != Status.ACTIVE
                || found.get().autoPause() == null) {
            return Optional.empty();
        }
        CampaignRecorded campaign = found.get();
        AutoPause rule = campaign.autoPause();
        Instant windowStart = now.minus(Duration.ofMinutes(rule.windowMinutes()));
        Instant since = campaign.recordedAt().isAfter(windowStart) ? campaign.recordedAt() : windowStart;
        Map<String, DialIntents.End> ends = intents.endsOf(partition, ended.accountId(), campaign.campaignId(), since);
        if (ended.recordedAt().isAfter(since)) {
            ends.put(ended.key(), DialIntents.End.of(ended));
        }
        long failed = ends.values().stream().filter(DialIntents.End::failed).count();
        if (ends.size() < rule.minCalls() || failed < rule.failureRate() * ends.size()) {
            return Optional.empty();
        }
        String reason = "auto-paused at " + now + ": " + failed + " of the " + ends.size()
                + " calls that ended in the last " + rule.windowMinutes() + " minutes failed (at most "
                + Math.round(rule.failureRate() * 100) + "%)";
        return Optional.of(campaign.withStatus(Status.PAUSED, reason, now, null));
    }
}
