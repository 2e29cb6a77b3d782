package io.switchboard.dialer.campaign.config;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Campaigns ({@code switchboard.dialer.campaigns.*}); defaults are documented in application.yml.
 *
 * @param defaultMaxConcurrentCalls a campaign's concurrent calls when its definition names none
 * @param maxContactsPerUpload      the most contacts one upload (JSON or CSV) may carry
 * @param personCap                 how often one person may be called by an account's campaigns, by default
 * @param accounts                  an account's own cap, by account id; what an entry leaves out is the default
 */
@ConfigurationProperties("switchboard.dialer.campaigns")
public record CampaignProperties(
        @DefaultValue("10") int defaultMaxConcurrentCalls,
        @DefaultValue("10000") int maxContactsPerUpload,
        @DefaultValue PersonCap personCap,
        Map<String, Account> accounts) {

    /** What the schema of dialer-campaigns.v1 allows. */
    public static final int MAX_CONCURRENT_CALLS = 1000;

    public CampaignProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        if (defaultMaxConcurrentCalls < 1 || defaultMaxConcurrentCalls > MAX_CONCURRENT_CALLS) {
            throw new IllegalArgumentException(
                    "switchboard.dialer.campaigns.default-max-concurrent-calls must be 1 to " + MAX_CONCURRENT_CALLS);
        }
        if (maxContactsPerUpload < 1) {
            throw new IllegalArgumentException("switchboard.dialer.campaigns.max-contacts-per-upload must be positive");
        }
        personCap.check("switchboard.dialer.campaigns.person-cap");
        accounts.forEach(
                (id, account) -> capOf(account, personCap).check("switchboard.dialer.campaigns.accounts." + id));
    }

    /** The cap on calls to one person that {@code accountId}'s campaigns keep to. */
    public PersonCap personCapOf(String accountId) {
        Account account = accounts.get(accountId);
        return account == null ? personCap : capOf(account, personCap);
    }

    private static PersonCap capOf(Account account, PersonCap defaults) {
        return new PersonCap(
                account.calls() == null ? defaults.calls() : account.calls(),
                account.per() == null ? defaults.per() : account.per());
    }

    /**
     * At most {@code calls} calls to one number in any {@code per}, whatever campaign or request placed them; a
     * campaign's contact over it waits until an earlier call leaves that time. {@code calls} 0 for no cap.
     */
    public record PersonCap(
            @DefaultValue("3") int calls,
            @DefaultValue("24h") Duration per) {

        void check(String prefix) {
            if (calls < 0) {
                throw new IllegalArgumentException(prefix + ".calls must not be negative");
            }
            if (calls > 0 && (per == null || !per.isPositive())) {
                throw new IllegalArgumentException(prefix + ".per must be positive");
            }
        }

        public boolean capped() {
            return calls > 0;
        }
    }

    /** One account's cap; null fields take the default's. */
    public record Account(Integer calls, Duration per) {}
}
