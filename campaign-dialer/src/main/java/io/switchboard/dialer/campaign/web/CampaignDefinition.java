package io.switchboard.dialer.campaign.web;

import java.time.Instant;
import java.util.List;

import io.switchboard.dialer.campaign.domain.Contact;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.request.CallingWindow;
import io.switchboard.events.request.RetryPolicy;

/**
 * A campaign to create, as {@code POST /api/campaigns} takes it; contacts may come with it or later.
 *
 * @param maxConcurrentCalls null for {@code switchboard.dialer.campaigns.default-max-concurrent-calls}
 * @param startAt            null for now
 * @param autoPause          null for never
 */
record CampaignDefinition(
        String campaignId,
        String name,
        String assistantId,
        List<String> callerIds,
        Instant startAt,
        Instant endAt,
        CallingWindow callingWindow,
        RetryPolicy retry,
        Integer maxConcurrentCalls,
        CampaignRecorded.AutoPause autoPause,
        List<Contact> contacts) {}
