package io.switchboard.dialer.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.dialer.placement.domain.DialIntents;
import io.switchboard.events.dialer.CampaignRecorded;
import io.switchboard.events.dialer.CampaignRecorded.AutoPause;
import io.switchboard.events.dialer.CampaignRecorded.Status;
import io.switchboard.events.dialer.DialIntentRecorded;
import io.switchboard.events.dialer.DialIntentRecorded.State;
import org.junit.jupiter.api.Test;

class CampaignHealthTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final int PARTITION = 2;
    /** Half of at least four calls in 15 minutes. */
    private static final AutoPause RULE = new AutoPause(0.5, 4, 15);

    private final Campaigns campaigns = new Campaigns();
    private final DialIntents intents = new DialIntents();
    private final CampaignHealth health = new CampaignHealth(campaigns, intents);

    @Test
    void whenHalfOfEnoughCallsFailedThenTheCampaignIsPausedWithTheReason() {
        campaigns.apply(campaign(RULE, Status.ACTIVE, NOW.minus(Duration.ofHours(1))));
        intents.record(PARTITION, ended("c1:14155550101", "failed", NOW.minusSeconds(300)));
        intents.record(PARTITION, ended("c1:14155550102", "completed", NOW.minusSeconds(200)));
        intents.record(PARTITION, ended("c1:14155550103", "busy", NOW.minusSeconds(100)));

        var paused = health.afterEnd(PARTITION, ended("c1:14155550104", "failed", NOW), NOW);

        assertThat(paused).get().satisfies(campaign -> {
            assertThat(campaign.status()).isEqualTo(Status.PAUSED);
            assertThat(campaign.statusReason())
                    .isEqualTo("auto-paused at " + NOW + ": 2 of the 4 calls that ended in the last 15 minutes "
                            + "failed (at most 50%)");
            assertThat(campaign.recordedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void whenFewerCallsThanTheRuleNeedsEndedThenNothingIsPausedHoweverManyFailed() {
        campaigns.apply(campaign(RULE, Status.ACTIVE, NOW.minus(Duration.ofHours(1))));
        intents.record(PARTITION, ended("c1:14155550101", "failed", NOW.minusSeconds(60)));
        intents.record(PARTITION, ended("c1:14155550102", "failed", NOW.minusSeconds(30)));

        assertThat(health.afterEnd(PARTITION, ended("c1:14155550103", "failed", NOW), NOW))
                .isEmpty();
    }

    @Test
    void whenFewerThanTheRateFailedThenNothingIsPaused() {
        campaigns.apply(campaign(RULE, Status.ACTIVE, NOW.minus(Duration.ofHours(1))));
        intents.record(PARTITION, ended("c1:14155550101", "failed", NOW.minusSeconds(300)));
        intents.record(PARTITION, ended("c1:14155550102", "completed", NOW.minusSeconds(200)));
        intents.record(PARTITION, ended("c1:14155550103", "no-answer", NOW.minusSeconds(100)));

        assertThat(health.afterEnd(PARTITION, ended("c1:14155550104", "completed", NOW), NOW))
                .isEmpty();
    }

    @Test
    void whenCallsEndedBeforeTheWindowOrBeforeTheCampaignWasResumedThenTheyDoNotCount() {
        // Resumed ten minutes ago: the failures before it were what paused it.
        campaigns.apply(campaign(RULE, Status.ACTIVE, NOW.minus(Duration.ofMinutes(10))));
        intents.record(PARTITION, ended("c1:14155550101", "failed", NOW.minus(Duration.ofMinutes(12))));
        intents.record(PARTITION, ended("c1:14155550102", "failed", NOW.minus(Duration.ofMinutes(11))));
        intents.record(PARTITION, ended("c1:14155550103", "completed", NOW.minus(Duration.ofMinutes(5))));
        intents.record(PARTITION, ended("c1:14155550104", "failed", NOW.minus(Duration.ofMinutes(4))));

        assertThat(health.afterEnd(PARTITION, ended("c1:14155550105", "failed", NOW), NOW))
                .as("3 calls since the resume, fewer than 4")
                .isEmpty();
    }

    @Test
    void whenTheCampaignHasNoRuleOrIsNotActiveThenNothingIsPaused() {
        campaigns.apply(campaign(null, Status.ACTIVE, NOW.minus(Duration.ofHours(1))));
        for (int i = 1; i <= 4; i++) {
            intents.record(PARTITION, ended("c1:1415555010" + i, "failed", NOW.minusSeconds(10L * i)));
        }
        assertThat(health.afterEnd(PARTITION, ended("c1:14155550109", "failed", NOW), NOW))
                .isEmpty();

        campaigns.apply(campaign(RULE, Status.PAUSED, NOW.minusSeconds(1)));
        assertThat(health.afterEnd(PARTITION, ended("c1:14155550109", "failed", NOW), NOW))
                .isEmpty();
        assertThat(health.afterEnd(PARTITION, ended("plain", "failed", NOW), NOW))
                .as("a request of no campaign")
                .isEmpty();
    }

    private static CampaignRecorded campaign(AutoPause rule, Status status, Instant recordedAt) {
        return new CampaignRecorded(
                "c1",
                "acme",
                "Renewals",
                null,
                List.of("+14155550123"),
                NOW.minus(Duration.ofDays(1)),
                null,
                null,
                null,
                5,
                rule,
                status,
                null,
                NOW.minus(Duration.ofDays(1)),
                recordedAt,
                "ops@acme");
    }

    private static DialIntentRecorded ended(String requestId, String finalStatus, Instant at) {
        return new DialIntentRecorded(
                requestId,
                "acme",
                "+14155550101",
                "+14155550123",
                State.ENDED,
                "twilio",
                "CA-" + requestId,
                finalStatus,
                at,
                null,
                Map.of(),
                600,
                null,
                null,
                1L,
                null,
                null,
                "twilio/AC1",
                null,
                null);
    }
}
