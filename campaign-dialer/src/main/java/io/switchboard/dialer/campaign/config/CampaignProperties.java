package io.switchboard.dialer.campaign.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Campaigns ({@code switchboard.dialer.campaigns.*}); defaults are documented in application.yml.
 *
 * @param defaultMaxConcurrentCalls a campaign's concurrent calls when its definition names none
 * @param maxContactsPerUpload      the most contacts one upload (JSON or CSV) may carry
 */
@ConfigurationProperties("switchboard.dialer.campaigns")
public record CampaignProperties(
        @DefaultValue("10") int defaultMaxConcurrentCalls,
        @DefaultValue("10000") int maxContactsPerUpload) {

    public CampaignProperties {
        if (defaultMaxConcurrentCalls < 1
                || defaultMaxConcurrentCalls > CampaignDefinitionLimits.MAX_CONCURRENT_CALLS) {
            throw new IllegalArgumentException("switchboard.dialer.campaigns.default-max-concurrent-calls must be 1 to "
                    + CampaignDefinitionLimits.MAX_CONCURRENT_CALLS);
        }
        if (maxContactsPerUpload < 1) {
            throw new IllegalArgumentException("switchboard.dialer.campaigns.max-contacts-per-upload must be positive");
        }
    }

    /** What the schema of dialer-campaigns.v1 allows. */
    public static final class CampaignDefinitionLimits {
        public static final int MAX_CONCURRENT_CALLS = 1000;
        public static final int MAX_CALLER_IDS = 100;
        public static final int MAX_NAME_LENGTH = 200;

        private CampaignDefinitionLimits() {}
    }
}
