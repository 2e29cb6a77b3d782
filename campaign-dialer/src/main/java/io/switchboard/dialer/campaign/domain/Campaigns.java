package io.switchboard.dialer.campaign.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.dialer.placement.domain.DialerNotReadyException;
import io.switchboard.dialer.placement.domain.FollowedView;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.kafka.FollowedTopic;

/**
 * Every account's campaigns as {@code dialer-campaigns.v1} says they are now, on every dialer instance. The latest
 * record per campaign wins by its time; an older one re-produced later is not taken ({@link #apply}), so a copied
 * "active" record cannot undo a cancellation. Written by the follower's one thread.
 */
public class Campaigns {

    private final Map<String, CampaignRecorded> latest = new ConcurrentHashMap<>();
    private final FollowedView view = new FollowedView("dialer-campaigns.v1");

    /**
     * The campaign, after catching up with every change committed before this call: a campaign paused a moment ago
     * is found paused.
     *
     * @throws DialerNotReadyException before the topic was read, or when it cannot be caught up with now
     */
    public Optional<CampaignRecorded> find(String accountId, String campaignId) {
        view.catchUp();
        return known(accountId, campaignId);
    }

    /** The campaign as read so far, without waiting: for the owner's frequent checks, which a later record corrects. */
    public Optional<CampaignRecorded> known(String accountId, String campaignId) {
        if (campaignId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(latest.get(CampaignRecorded.key(accountId, campaignId)));
    }

    /** As read so far, the campaign a request id names ({@link CampaignRecorded#campaignOf}), if its account has it. */
    public Optional<CampaignRecorded> ofRequest(String accountId, String requestId) {
        return known(accountId, CampaignRecorded.campaignOf(requestId));
    }

    /** The account's campaigns, newest first. */
    public List<CampaignRecorded> of(String accountId) {
        view.catchUp();
        return latest.values().stream()
                .filter(campaign -> campaign.accountId().equals(accountId))
                .sorted(Comparator.comparing(CampaignRecorded::createdAt)
                        .reversed()
                        .thenComparing(CampaignRecorded::campaignId))
                .toList();
    }

    /** @return false when {@code change} is older than the record held for its campaign, and was not taken */
    public boolean apply(CampaignRecorded change) {
        boolean[] taken = {false};
        latest.compute(change.key(), (key, held) -> {
            if (held == null || !change.recordedAt().isBefore(held.recordedAt())) {
                taken[0] = true;
                return change;
            }
            return held;
        });
        return taken[0];
    }

    public void readFrom(FollowedTopic topic) {
        view.readFrom(topic);
    }

    public boolean isLoaded() {
        return view.isLoaded();
    }

    public int count() {
        return latest.size();
    }
}
