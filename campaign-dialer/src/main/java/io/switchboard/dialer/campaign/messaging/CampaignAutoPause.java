package io.switchboard.dialer.campaign.messaging;

import java.time.Clock;

import io.switchboard.dialer.campaign.domain.CampaignHealth;
import io.switchboard.events.dialer.DialIntentRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the account's owner, as each call of a campaign ends: pauses the campaign, in the transaction that records the
 * end, when too many of its calls failed ({@link CampaignHealth}).
 */
@Component
public class CampaignAutoPause {

    private static final Logger log = LoggerFactory.getLogger(CampaignAutoPause.class);

    private final CampaignHealth health;
    private final CampaignPublisher publisher;
    private final Clock clock;

    CampaignAutoPause(CampaignHealth health, CampaignPublisher publisher, Clock clock) {
        this.health = health;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** {@code ended} is being recorded in the transaction under way. */
    public void afterEnd(int partition, DialIntentRecorded ended) {
        health.afterEnd(partition, ended, clock.instant()).ifPresent(paused -> {
            publisher.record(paused);
            log.warn("Campaign {} of account {} {}", paused.campaignId(), paused.accountId(), paused.statusReason());
        });
    }
}
