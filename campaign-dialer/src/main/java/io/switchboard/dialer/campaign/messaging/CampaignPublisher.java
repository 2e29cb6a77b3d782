package io.switchboard.dialer.campaign.messaging;

import java.util.List;

import io.switchboard.dialer.placement.messaging.DialerEventPublisher;
import io.switchboard.events.dialer.CallRequestCancelled;
import io.switchboard.events.dialer.CallRequestReceived;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.envelope.EventIds;
import io.switchboard.events.envelope.EventTypes;
import io.switchboard.events.kafka.EventPublisher;
import io.switchboard.events.kafka.OutgoingEvent;
import io.switchboard.events.topic.Topic;
import org.springframework.stereotype.Component;

/**
 * Records campaigns, each change in one Kafka transaction with what it implies: a campaign and the call requests
 * of its contacts land together or not at all, and a cancellation with the withdrawal of every request still open.
 * Committed when a method returns; it throws otherwise, and the same change may be sent again.
 */
@Component
public class CampaignPublisher {

    private final EventPublisher events;
    private final DialerEventPublisher dialer;

    CampaignPublisher(EventPublisher events, DialerEventPublisher dialer) {
        this.events = events;
        this.dialer = dialer;
    }

    /** The campaign and its contacts' requests (received now, for the account's owner to schedule). */
    public void recordWithContacts(CampaignRecorded campaign, List<CallRequestReceived> contacts) {
        events.inOwnTransaction(() -> {
            record(campaign);
            contacts.forEach(dialer::received);
        });
    }

    /** The campaign cancelled, and each of {@code open} withdrawn as a caller's cancellation would withdraw it. */
    public void recordCancelled(CampaignRecorded campaign, List<CallRequestCancelled> open) {
        events.inOwnTransaction(() -> {
            record(campaign);
            open.forEach(dialer::cancelled);
        });
    }

    public void recordOnly(CampaignRecorded campaign) {
        events.inOwnTransaction(() -> record(campaign));
    }

    /** The campaign, in the transaction under way. */
    public void record(CampaignRecorded campaign) {
        String id = EventIds.of(
                "campaign-recorded",
                campaign.key(),
                campaign.status().wireValue(),
                campaign.recordedAt().toString());
        events.publishAndWait(
                Topic.DIALER_CAMPAIGNS,
                campaign.key(),
                OutgoingEvent.of(EventTypes.CAMPAIGN_RECORDED, id, campaign.key(), campaign.recordedAt(), campaign));
    }
}
