package io.switchboard.dialer.campaign.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.switchboard.dialer.campaign.config.CampaignProperties;
import io.switchboard.dialer.campaign.config.CampaignProperties.PersonCap;
import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.request.CallRequest;
import org.springframework.stereotype.Service;

/**
 * Whether the owner of an account may let one of a campaign's requests go to the pacing queue now: while the
 * campaign is active, fewer of its requests than its {@code maxConcurrentCalls} are queued, being dialed or in a
 * call, and the person it calls has had fewer calls from the account than its cap allows in the cap's time. A
 * request that may not go yet stays scheduled, holding nothing (not even a place in the queue): until the campaign
 * has room ({@link Decision#HOLD}), or until an earlier call to the person leaves the cap's time
 * ({@link Decision#LATER}); one of a cancelled campaign is cancelled. A request that names no campaign of its
 * account goes as any request does.
 */
@Service
public class CampaignGate {

    private final Campaigns campaigns;
    private final DialIntents intents;
    private final CampaignProperties properties;

    public CampaignGate(Campaigns campaigns, DialIntents intents, CampaignProperties properties) {
        this.campaigns = campaigns;
        this.intents = intents;
        this.properties = properties;
    }

    /**
     * What the owner may do with {@code request} now, with {@code alsoGoing} more of its campaign's requests on their
     * way to the queue (signalled, not yet applied).
     */
    public Verdict verdict(int partition, CallRequest request, int alsoGoing, Instant now) {
        Optional<CampaignRecorded> found = campaignOf(request.accountId(), request.requestId());
        if (found.isEmpty()) {
            return Verdict.GO;
        }
        CampaignRecorded campaign = found.get();
        if (campaign.status() == Status.CANCELLED) {
            return new Verdict(Decision.CANCEL, "campaign " + campaign.campaignId() + " was " + reason(campaign), null);
        }
        if (campaign.status() == Status.PAUSED) {
            return new Verdict(Decision.HOLD, "campaign " + campaign.campaignId() + " is " + reason(campaign), null);
        }
        int busy = intents.inProgress(partition, request.accountId(), campaign.campaignId(), now) + alsoGoing;
        if (busy >= campaign.maxConcurrentCalls()) {
            return new Verdict(
                    Decision.HOLD,
                    "campaign " + campaign.campaignId() + " has its " + campaign.maxConcurrentCalls()
                            + " concurrent calls",
                    null);
        }
        return capped(partition, request, now).orElse(Verdict.GO);
    }

    /** The campaign a request belongs to, when its account has one of that id. */
    public Optional<CampaignRecorded> campaignOf(String accountId, String requestId) {
        return campaigns.ofRequest(accountId, requestId);
    }

    /** Later, when the person already had as many calls from the account as its cap allows in the cap's time. */
    private Optional<Verdict> capped(int partition, CallRequest request, Instant now) {
        PersonCap cap = properties.personCapOf(request.accountId());
        if (!cap.capped()) {
            return Optional.empty();
        }
        Instant since = now.minus(cap.per());
        List<Instant> recent = intents.callsTo(partition, request.accountId(), request.to()).stream()
                .filter(call -> call.isAfter(since))
                .sorted(Comparator.reverseOrder())
                .toList();
        if (recent.size() < cap.calls()) {
            return Optional.empty();
        }
        // The call whose leaving the cap's time makes room for one more.
        Instant until = recent.get(cap.calls() - 1).plus(cap.per());
        return Optional.of(new Verdict(
                Decision.LATER,
                "cap reached: " + recent.size() + " calls to " + request.to() + " in " + cap.per() + " (at most "
                        + cap.calls() + "); due again at " + until,
                until));
    }

    private static String reason(CampaignRecorded campaign) {
        return campaign.statusReason() == null ? campaign.status().wireValue() : campaign.statusReason();
    }

    public enum Decision {
        /** Let it go to the pacing queue. */
        GO,
        /** Keep it scheduled until the campaign has room. */
        HOLD,
        /** Schedule it for {@code until}. */
        LATER,
        /** Reject it: its campaign was cancelled. */
        CANCEL
    }

    /**
     * @param reason why it is held, later or cancelled; null to go
     * @param until  for {@link Decision#LATER}, when it may go
     */
    public record Verdict(Decision decision, String reason, Instant until) {
        static final Verdict GO = new Verdict(Decision.GO, null, null);
    }
}
